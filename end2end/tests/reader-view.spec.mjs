// Firefox's reader view: Mozilla Readability (the same library, pinned) on the hydrated page's
// DOM, in jsdom. It must show the article as published and the chart's data as a table under its
// title and subtitle and over its source, and leave out the interface: the keyboard hint, the
// scale note, the controls, the caption's description and notes (they speak of a chart the
// reader view does not show). Elements that are interface only carry
// the class `supplemental`, which Readability's "unlikely candidate" pattern drops; screen
// readers and sighted readers still get them.
import { writeFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { Readability } from "@mozilla/readability";
import { test, expect, CONTENT, openChart, ARTIFACTS } from "./fixtures.mjs";

/** Whitespace (the content's non-breaking spaces too) as single spaces. */
const normalised = (text) => text.replace(/\s+/gu, " ").trim();
/** Its words: what stands between spaces with a letter or digit in it ("+133%", "×2.3"). */
const words = (text) => normalised(text).split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w));

/** The article's texts as published: headline, standfirst and every body block. */
function articleBlocks() {
  const { article } = CONTENT;
  const blocks = [article.headline, article.standfirst];
  for (const block of article.body) {
    if (block.paragraph) blocks.push(block.paragraph);
    if (block.subhead) blocks.push(block.subhead);
    if (block.quote) blocks.push(`${block.quote.text} ${block.quote.attribution}`);
  }
  return blocks.map(normalised);
}

/** What names the table and says where its numbers come from: the figure's title, subtitle and source line. */
function tableLabels() {
  const { chart } = CONTENT;
  return [chart.title, chart.subtitle, `Source: ${chart.source}`].map(normalised);
}

/**
 * The chart's data: each point's period and value as the content's series gives them (the
 * value as the page writes it, with thousands separators: "1,520"). A period written with the
 * table's mark of an approximate date, "(approximate date)", is the content's `approximate`
 * flag, so data too. Longest first, so "February 2014" goes before a shorter item inside it.
 */
function dataItems() {
  const items = [];
  for (const point of CONTENT.chart.points) {
    const period = point.period.charAt(0).toUpperCase() + point.period.slice(1);
    if (point.approximate) items.push(`${point.period} (approximate date)`, `${period} (approximate date)`);
    items.push(point.period, period, point.value.toLocaleString("en-US"));
  }
  return items.sort((a, b) => b.length - a.length);
}

/**
 * Splits the reader view's words into article text, chart data and the rest: each article
 * block is taken out where it appears whole, then each data item where it stands as a whole
 * word or phrase; what is left is neither.
 */
function classify(text) {
  let rest = ` ${normalised(text)} `;
  const counts = { total: words(text).length, article: 0, labels: 0, data: 0 };
  for (const label of tableLabels()) {
    if (rest.includes(` ${label} `)) {
      rest = rest.replace(` ${label} `, "  ");
      counts.labels += words(label).length;
    }
  }
  for (const block of articleBlocks()) {
    while (rest.includes(` ${block} `)) {
      rest = rest.replace(` ${block} `, "  ");
      counts.article += words(block).length;
    }
  }
  const escaped = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const item of dataItems()) {
    // A whole word or phrase: between spaces or punctuation, not inside "1,520" or "+20".
    const pattern = new RegExp(`(?<=[\\s(])${escaped(item)}(?=[\\s),.;:])`, "gu");
    rest = rest.replace(pattern, (match) => {
      counts.data += words(match).length;
      return " ";
    });
  }
  counts.other = words(rest);
  return counts;
}

test("the reader view shows the article and the chart's data, and no interface text", async ({ page }) => {
  await openChart(page);
  // As Firefox does: Readability on a copy of the live document, hydrated.
  const dom = new JSDOM(await page.content(), { url: page.url() });
  const article = new Readability(dom.window.document).parse();
  expect(article, "Readability found an article").not.toBeNull();
  // Its text as the reader view shows it: each block apart (`textContent` runs one
  // paragraph's last word into the next one's first), the text nodes of one block run on
  // (an inline element, such as the app's phrase marks, adds no space).
  const content = new JSDOM(article.content).window.document;
  const walker = content.createTreeWalker(content.body, 4 /* NodeFilter.SHOW_TEXT */);
  const inline = "a, abbr, b, code, em, i, mark, q, small, span, strong, sub, sup";
  const block = (node) => {
    let element = node.parentElement;
    while (element.parentElement && element.matches(inline)) element = element.parentElement;
    return element;
  };
  const pieces = [];
  let previous = null;
  while (walker.nextNode()) {
    const here = block(walker.currentNode);
    pieces.push(here === previous ? "" : " ", walker.currentNode.data);
    previous = here;
  }
  const body = normalised(pieces.join(""));
  const text = `${article.title} ${body}`;
  writeFileSync(`${ARTIFACTS}reader-view.txt`, `${article.title}\n\n${body}\n`);

  // Every sentence of the body, as published; the headline once (as the title).
  const headline = normalised(CONTENT.article.headline);
  expect(normalised(text).split(headline).length - 1, "the headline").toBe(1);
  for (const block of articleBlocks()) {
    for (const sentence of block.split(/(?<=[.?!][”’]?) (?=[“‘A-Z0-9])/u)) {
      expect(body.includes(sentence) || sentence === headline, sentence).toBe(true);
    }
  }
  // The chart's data: each period with its value.
  for (const point of CONTENT.chart.points) {
    expect(body, `${point.period}: ${point.value}`).toMatch(
      new RegExp(`${point.period}( \\(approximate date\\))? ${point.value.toLocaleString("en-US")}\\b`, "iu"),
    );
  }

  // The table under its title and subtitle, and over its source, each once (without them the
  // reader view showed a bare table of "People" with no word on who or whence).
  for (const label of tableLabels()) {
    expect(body.split(label).length - 1, label).toBe(1);
  }
  expect(body.indexOf(tableLabels()[1]), "the subtitle before the table").toBeLessThan(body.indexOf(CONTENT.chart.points[0].period));
  expect(body.indexOf(tableLabels()[2]), "the source after the table").toBeGreaterThan(body.lastIndexOf(CONTENT.chart.points.at(-1).period));

  const counts = classify(text);
  console.log(
    `reader view: ${counts.total} words, ${counts.article} article, ${counts.labels} the table's labels, ` +
      `${counts.data} chart data, ${counts.other.length} other: ${counts.other.join(" ")}`,
  );
  expect(counts.article + counts.labels + counts.data + counts.other.length).toBe(counts.total);
  expect(counts.other.length / counts.total, `other words: ${counts.other.join(" ")}`).toBeLessThanOrEqual(0.05);
});
