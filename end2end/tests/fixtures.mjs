// Shared test setup: every page must keep its console clean, and the expected text comes from
// the content file itself (content/article.toml), never copied into the tests.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { PNG } from "pngjs";
import { CONTENT, articleTexts, sentences, chartIsInteractive } from "../shared.mjs";

export { expect };

// The content file (content/article.toml, or the one WAY_OUT_CONTENT names), its texts and
// their sentences: ../shared.mjs, shared with the cross-engine reader flows (../flows/).
export { CONTENT, articleTexts, sentences };

/** The chart's canvas. */
export const CHART_CANVAS = "#chart canvas";

/** The interactive chart's one tab stop (added over the chart box once the app runs). */
export const CHART_FOCUS = "#chart .chart-focus";

export const VALUES = CONTENT.chart.points.map((p) => String(p.value));

export const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

export const test = base.extend({
  // A pattern of console messages a test expects (e.g. the network error of a request it blocks
  // on purpose); null allows none. Each message reads "type: text (source URL)".
  allowedConsole: [null, { option: true }],
  // Fails any test whose page (or any other page of its context) logs an error or warning, or
  // throws, or opens a dialog.
  consoleMessages: [
    async ({ context, allowedConsole }, use) => {
      const messages = [];
      const watch = (page) => {
        page.on("console", (message) => {
          if (["error", "warning", "assert"].includes(message.type())) {
            messages.push(`${message.type()}: ${message.text()} (${message.location().url})`);
          }
        });
        page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
        page.on("dialog", (dialog) => {
          messages.push(`dialog: ${dialog.type()} ${dialog.message()}`);
          dialog.dismiss().catch(() => {});
        });
      };
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(messages);
      const unexpected = messages.filter((m) => !allowedConsole?.test(m));
      expect(unexpected, "console messages").toEqual([]);
    },
    { auto: true },
  ],
});

/** Loads the page and waits until the interactive chart has drawn. */
/** A PNG (a Buffer: a screenshot, a download) decoded: its width, height and RGBA bytes. */
export function decodePng(png) {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data };
}

/** Mean luminance (0–1, Rec. 709 weights) of a PNG's pixels. */
export function meanLuminance(png) {
  const { data } = decodePng(png);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
  return sum / (data.length / 4) / 255;
}

/** Whether two `{x, y, width, height}` boxes overlap. */
export const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export async function openChart(page, path = "/") {
  await page.goto(path);
  await waitInteractive(page);
  return page.locator("#chart");
}

/** Waits until the app's canvas has taken over (the `chart-interactive` mark). */
export async function waitInteractive(page) {
  await page.waitForFunction(chartIsInteractive);
}

/** Fails unless every sentence of the article is in `text`, naming the first missing one. */
export function expectEverySentence(text) {
  const all = sentences();
  expect(all.length).toBeGreaterThan(5);
  for (const sentence of all) expect(text.includes(sentence), sentence).toBe(true);
}

/** axe-core's WCAG 2.0 A/AA and 2.1 AA violations on the page as it is now, one line each. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/** Waits until the chart's canvas has been redrawn at its box's width (after a resize). */
export async function expectCanvasFitsBox(page) {
  const chart = page.locator("#chart");
  await expect
    .poll(() => chart.evaluate((box) => box.querySelector("canvas").width / devicePixelRatio))
    .toBe(await chart.evaluate((box) => box.clientWidth));
}

/**
 * The chart canvas's pixels as a data URL. Reads a copy: reading the app's own canvas back
 * makes Chromium warn in the console.
 */
export function canvasImage(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector("#chart canvas.chart-canvas");
    const copy = document.createElement("canvas");
    [copy.width, copy.height] = [canvas.width, canvas.height];
    copy.getContext("2d").drawImage(canvas, 0, 0);
    return copy.toDataURL();
  });
}

/**
 * Keeps every WebAssembly instance's exports in `window.__wasmExports` and its memory in
 * `window.__wasmMemories`, and hands each memory to `window.__onWasmMemory` if a test set one
 * (it runs before the app starts).
 */
export async function keepWasmInstance(page) {
  await page.addInitScript(() => {
    window.__wasmMemories = [];
    const keep = (original) =>
      async function (...args) {
        const result = await original.apply(this, args);
        const instance = result.instance ?? result;
        window.__wasmExports = instance.exports;
        for (const value of Object.values(instance.exports ?? {})) {
          if (value instanceof WebAssembly.Memory) {
            window.__wasmMemories.push(value);
            window.__onWasmMemory?.(value);
          }
        }
        return result;
      };
    WebAssembly.instantiateStreaming = keep(WebAssembly.instantiateStreaming);
    WebAssembly.instantiate = keep(WebAssembly.instantiate);
  });
}

/** The selected point's tooltip value, or null while the tooltip is hidden. */
export async function visibleTooltipValue(page) {
  const tooltip = page.locator(".chart-tooltip");
  if (!(await tooltip.isVisible())) return null;
  return tooltip.locator(".tooltip-value").textContent();
}

/** The page's visible text, with whitespace as the reader sees it. */
export async function visibleText(page) {
  return page.evaluate(() => document.body.innerText);
}

/**
 * Moves the mouse across the chart at mid-height; returns each distinct value the visible
 * tooltip showed (`values`), and where its marker stood for each (`markers`: CSS pixels in the
 * canvas).
 */
export async function sweepTooltips(page) {
  const canvas = page.locator(CHART_CANVAS);
  const box = await canvas.boundingBox();
  const seen = [];
  const where = [];
  for (let x = 2; x < box.width - 2; x += 6) {
    await page.mouse.move(box.x + x, box.y + box.height / 2);
    const value = await visibleTooltipValue(page);
    if (value && !seen.includes(value)) {
      seen.push(value);
      where.push(await page.locator(".chart-marker").evaluate((m) => [m.offsetLeft, m.offsetTop]));
    }
  }
  return { values: seen, markers: where };
}

/**
 * Fails unless the hovered markers (`(await sweepTooltips(page)).markers`) stand where the values put
 * them on a `scale` ("linear" or "log") axis: left to right, each height on the straight line
 * through the first and last (a value's height is proportional to the value, or to its
 * logarithm) to within 1.5 px; and unless the canvas shows the line's colour within 5 px of each
 * point, and within 3 px of one of three places (¼, ½, ¾) along the segment between each two
 * (so a line drawn elsewhere, or not at all, fails even where its points are right).
 */
export async function expectOnScale(page, markers, scale) {
  const values = CONTENT.chart.points.map((p) => p.value);
  const f = scale === "log" ? Math.log : (v) => v;
  expect(markers).toHaveLength(values.length);
  const [x0, y0] = markers[0];
  const [, yN] = markers.at(-1);
  const [f0, fN] = [f(values[0]), f(values.at(-1))];
  for (const [i, [x, y]] of markers.entries()) {
    if (i > 0) expect(x, `point ${i} is right of point ${i - 1}`).toBeGreaterThan(markers[i - 1][0]);
    const expected = y0 + ((f(values[i]) - f0) * (yN - y0)) / (fN - f0);
    expect(Math.abs(y - expected), `point ${i}'s height on a ${scale} scale`).toBeLessThanOrEqual(1.5);
  }
  expect(x0).toBeGreaterThan(0);
  // Where the line's colour must be: each point (radius 5), and each segment (radius 3, at one
  // of three places: a dashed segment may have a gap at any one of them).
  const places = markers.map((centre, i) => ({ what: `point ${i}`, radius: 5, near: [centre] }));
  for (let i = 1; i < markers.length; i++) {
    const [[xa, ya], [xb, yb]] = [markers[i - 1], markers[i]];
    const along = [0.25, 0.5, 0.75].map((t) => [xa + t * (xb - xa), ya + t * (yb - ya)]);
    places.push({ what: `the line from point ${i - 1} to ${i}`, radius: 3, near: along });
  }
  await expect
    .poll(() =>
      page.evaluate((places) => {
        const canvas = document.querySelector("#chart canvas.chart-canvas");
        const copy = document.createElement("canvas");
        [copy.width, copy.height] = [canvas.width, canvas.height];
        const context = copy.getContext("2d", { willReadFrequently: true });
        context.drawImage(canvas, 0, 0);
        const accent = getComputedStyle(document.documentElement).getPropertyValue("--accent").trim();
        const target = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16));
        const ratio = canvas.width / canvas.clientWidth;
        const hasAccent = ([x, y], radius) => {
          const r = Math.round(radius * ratio);
          const data = context.getImageData(Math.round(x * ratio) - r, Math.round(y * ratio) - r, 2 * r, 2 * r).data;
          for (let j = 0; j < data.length; j += 4) {
            const distance = Math.hypot(data[j] - target[0], data[j + 1] - target[1], data[j + 2] - target[2]);
            if (data[j + 3] > 200 && distance < 60) return true;
          }
          return false;
        };
        // The places without the line's colour.
        return places.filter(({ radius, near }) => !near.some((centre) => hasAccent(centre, radius))).map(({ what }) => what);
      }, places),
    )
    .toEqual([]);
}

/** Opens `path` with the wasm download held back until `release()`; returns at first paint. */
export async function openWithWasmHeld(page, path = "/") {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(path, { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  return release;
}
