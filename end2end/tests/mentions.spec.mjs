// Text and chart tied together: the article's phrases that state a chart value select their
// point when pointed at, and the selected point marks its phrase; the published text stays
// character for character, and the page without JavaScript has no trace of it.
import { test, expect, CONTENT, CHART_FOCUS, openChart } from "./fixtures.mjs";
import { articleTexts } from "../shared.mjs";

// The phrases of the published article that state the chart's values, and the tooltip each
// must show: written by hand from content/article.toml.
const LINKED = [
  ["15 people", "15 people"],
  ["35 people", "35 people"],
  ["74", "74 people"],
];

/** The body's paragraphs (and quotes) as published, in order. */
function publishedParagraphs() {
  return CONTENT.article.body
    .filter((block) => block.paragraph || block.quote)
    .map((block) => block.paragraph ?? `${block.quote.text} ${block.quote.attribution}`);
}

test("pointing at each phrase shows its point's tooltip, and leaving hides it", async ({ page }) => {
  await openChart(page);
  const mentions = page.locator(".article .mention");
  await expect(mentions).toHaveText(LINKED.map(([phrase]) => phrase));
  const tooltip = page.locator(".chart-tooltip");
  for (const [i, [, value]] of LINKED.entries()) {
    await mentions.nth(i).hover();
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator(".tooltip-value")).toHaveText(value);
    await expect(page.locator("#chart-live")).toContainText(value);
    await expect(mentions.nth(i)).toHaveClass(/is-marked/);
    // Off the phrase, onto plain text of the same paragraph's column.
    await page.locator(".article h1").hover();
    await expect(tooltip).toBeHidden();
    await expect(mentions.nth(i)).not.toHaveClass(/is-marked/);
  }
});

test("selecting a point with the keyboard marks the phrase that states it, and adds no tab stop", async ({ page }) => {
  await openChart(page);
  const mentions = page.locator(".article .mention");
  await page.locator(CHART_FOCUS).focus();
  await page.keyboard.press("End");
  await expect(mentions.nth(2)).toHaveClass(/is-marked/);
  await expect(page.locator(".article .mention.is-marked")).toHaveCount(1);
  await page.keyboard.press("Home");
  await expect(mentions.nth(0)).toHaveClass(/is-marked/);
  await expect(page.locator(".article .mention.is-marked")).toHaveCount(1);
  // The phrases take no focus: no tabindex, and focusing one does nothing.
  const focusable = await mentions.evaluateAll((spans) =>
    spans.map((span) => {
      span.focus();
      return span.hasAttribute("tabindex") || document.activeElement === span;
    }),
  );
  expect(focusable).toEqual([false, false, false]);
});

test("with the phrases tied, every paragraph's text is exactly as published", async ({ page }) => {
  await openChart(page);
  await expect(page.locator(".article .mention")).toHaveCount(LINKED.length);
  const shown = await page.locator(".article > p").allTextContents();
  expect(shown).toEqual(publishedParagraphs());
  const all = await page.locator("#app").textContent();
  for (const text of articleTexts()) expect(all.includes(text), text).toBe(true);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the page has no trace of the ties", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.locator(".mention")).toHaveCount(0);
    // The markup: no element or class of the ties (the stylesheet in the head names them).
    const html = await (await request.get("/")).text();
    expect(html.slice(html.indexOf("<body"))).not.toContain("mention");
    const shown = await page.locator(".article > p").allTextContents();
    expect(shown).toEqual(publishedParagraphs());
  });
});
