// The article is whole: every sentence of the content file, exactly once, in the hydrated page.
import assert from "node:assert/strict";
import { sentencesNotOnce } from "../shared.mjs";

export async function assertArticleWhole(engine) {
  const text = await engine.evaluate(() => document.getElementById("app").textContent);
  assert.deepEqual(sentencesNotOnce(text), [], "sentences of content/article.toml not in the page exactly once");
}
