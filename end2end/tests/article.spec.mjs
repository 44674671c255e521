// The article: every sentence as published, once, in semantic HTML.
import { test, expect, CONTENT, openChart } from "./fixtures.mjs";
import { sentencesNotOnce } from "../shared.mjs";

test("every sentence of the article appears exactly once after hydration", async ({ page }) => {
  await openChart(page);
  const text = await page.locator("#app").textContent();
  expect(sentencesNotOnce(text)).toEqual([]);
});

test("the article is semantic HTML", async ({ page }) => {
  await openChart(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle(CONTENT.article.headline);
  const description = await page.locator('meta[name="description"]').getAttribute("content");
  expect(description.length).toBeGreaterThan(50);
  await expect(page.locator("main article h1")).toHaveCount(1);
  await expect(page.locator("h1")).toHaveText(CONTENT.article.headline);
  const subheads = CONTENT.article.body.filter((b) => b.subhead).map((b) => b.subhead);
  await expect(page.locator("main article > h2")).toHaveText(subheads);
  // Each quote is a paragraph of its published text (quotation marks included) and its
  // attribution: no <q>, whose marks would double the published ones without the stylesheet.
  await expect(page.locator("main article q")).toHaveCount(0);
  const paragraphs = await page.locator("main article > p").allTextContents();
  for (const { quote } of CONTENT.article.body.filter((b) => b.quote)) {
    expect(paragraphs).toContain(`${quote.text} ${quote.attribution}`);
  }
  const teasers = CONTENT.related.map((t) => t.title);
  await expect(page.locator("main aside.related h3")).toHaveText(teasers);
  await expect(page.locator("figure figcaption")).toContainText(`Source: ${CONTENT.chart.source}`);
});

test("the page shares properly: Open Graph and Twitter card tags", async ({ page }) => {
  await page.goto("/");
  const meta = (selector) => page.locator(selector).getAttribute("content");
  expect(await meta('meta[property="og:type"]')).toBe("article");
  expect(await meta('meta[property="og:title"]')).toBe(CONTENT.article.headline);
  expect((await meta('meta[property="og:description"]')).length).toBeGreaterThan(50);
  // The large picture: the social card (checked as an image by deploy.spec.mjs).
  expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
  expect(await meta('meta[property="og:image"]')).toMatch(/card-[0-9a-f]{8,16}\.png$/);
});
