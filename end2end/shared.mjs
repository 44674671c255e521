// What the Playwright specs (tests/fixtures.mjs) and the cross-engine reader flows (flows/)
// share: the expected text and values, read from the content file itself (content/article.toml,
// or the one WAY_OUT_CONTENT names; never copied into a test), and the functions both run inside the page. The page functions
// are self-contained (each test runner serializes them into the page): no closures.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";

/** The content file the build read: `WAY_OUT_CONTENT` (relative to the repository), as build.rs. */
export const CONTENT_FILE = resolve(
  fileURLToPath(new URL("..", import.meta.url)),
  process.env.WAY_OUT_CONTENT || "content/article.toml",
);

export const CONTENT = parse(readFileSync(CONTENT_FILE, "utf8"));

/** Every text block of the article as published, in reading order. */
export function articleTexts() {
  const { article, related } = CONTENT;
  const texts = [article.headline, article.standfirst];
  for (const block of article.body) {
    if (block.paragraph) texts.push(block.paragraph);
    if (block.subhead) texts.push(block.subhead);
    if (block.quote) texts.push(`${block.quote.text} ${block.quote.attribution}`);
  }
  for (const teaser of related) texts.push(teaser.title, teaser.summary);
  return texts;
}

/** The sentences of `articleTexts()`: split after . ? ! (and a closing quote) before a space. */
export function sentences() {
  return articleTexts().flatMap((text) => text.split(/(?<=[.?!][”’]?)\s+(?=[“‘A-Z0-9])/u));
}

/**
 * The article's sentences that `text` does not hold exactly once, each with how often it
 * does: [] when the article is whole. Fails (throws) if the content file yields too few
 * sentences for the check to mean anything.
 */
export function sentencesNotOnce(text) {
  const all = sentences();
  if (all.length < 10) throw new Error(`only ${all.length} sentences in ${CONTENT_FILE}`);
  return all
    .map((sentence) => ({ sentence, count: text.split(sentence).length - 1 }))
    .filter(({ count }) => count !== 1);
}

/** Each point's value as the chart writes it, e.g. "35 people". */
export const POINT_VALUES = CONTENT.chart.points.map((p) => `${p.value} ${CONTENT.chart.unit}`);

// ---- Run inside the page --------------------------------------------------------------------

/** In the page: whether the app's canvas has taken over (its `chart-interactive` mark). */
export function chartIsInteractive() {
  return performance.getEntriesByName("chart-interactive").length > 0;
}

/**
 * In the page: the chart canvas's sizes and pixels. `css` is its CSS box, `backing` its
 * backing store, `ratio` the devicePixelRatio; `painted` counts its opaque pixels (the canvas is
 * transparent where the chart draws nothing), `colours` their distinct colours and
 * `paintedLuminance` their mean luminance (0–1); `page` is the page background's colour and
 * `pageLuminance` its luminance.
 */
export function readChartCanvas() {
  const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  const canvas = document.querySelector("#chart canvas.chart-canvas");
  const rect = canvas.getBoundingClientRect();
  // Read a copy: reading the app's own canvas back makes Chromium warn in the console (and
  // turns off its GPU path).
  const copy = document.createElement("canvas");
  [copy.width, copy.height] = [canvas.width, canvas.height];
  const context = copy.getContext("2d", { willReadFrequently: true });
  context.drawImage(canvas, 0, 0);
  const data = copy.width && copy.height ? context.getImageData(0, 0, copy.width, copy.height).data : [];
  const colours = new Set();
  let painted = 0;
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 200) {
      painted++;
      sum += luminance([data[i], data[i + 1], data[i + 2]]);
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
  }
  const page = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
  return {
    css: [rect.width, rect.height],
    backing: [canvas.width, canvas.height],
    ratio: devicePixelRatio,
    pixels: data.length / 4,
    painted,
    colours: colours.size,
    paintedLuminance: painted ? sum / painted : null,
    page,
    pageLuminance: luminance(page),
  };
}
