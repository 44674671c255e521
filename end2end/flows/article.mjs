// The article is whole: every sentence of the content file, exactly once, in the hydrated page.
import assert from "node:assert/strict";
import { sentencesNotOnce } from "../shared.mjs";
import { waitUntil } from "../engines/processes.mjs";

export async function assertArticleWhole(engine) {
  const text = await engine.evaluate(() => document.getElementById("app").textContent);
  assert.deepEqual(sentencesNotOnce(text), [], "sentences of content/article.toml not in the page exactly once");
}

/**
 * The article's phrases tied to the chart look it in every engine: a dotted underline, solid
 * and in the accent colour once the pointer is on one (WebKit drew none from the shorthand).
 */
export async function assertMentionsUnderlined(engine) {
  const look = () =>
    engine.evaluate(() => {
      const mention = document.querySelector(".mention");
      const style = getComputedStyle(mention);
      return { line: style.textDecorationLine, style: style.textDecorationStyle, marked: mention.classList.contains("is-marked") };
    });
  assert.deepEqual(await look(), { line: "underline", style: "dotted", marked: false }, "a phrase tied to the chart, at rest");
  const { x, y } = await engine.evaluate(() => {
    const mention = document.querySelector(".mention");
    mention.scrollIntoView({ block: "center" });
    const box = mention.getClientRects()[0];
    return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
  });
  await engine.mouseMove(x, y);
  await waitUntil(async () => (await look()).marked, { timeout: 5000, what: "the phrase to be marked under the pointer" });
  assert.deepEqual(await look(), { line: "underline", style: "solid", marked: true }, "a phrase tied to the chart, pointed at");
  await engine.mouseMove(1, 1);
}
