// Shared test setup: every page must keep its console clean, and the expected text comes from
// the content file itself (content/article.toml), never copied into the tests.
import { test as base, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
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
  // on purpose); null allows none.
  allowedConsole: [null, { option: true }],
  // Fails any test whose page logs an error or warning, or throws.
  consoleMessages: [
    async ({ page, allowedConsole }, use) => {
      const messages = [];
      page.on("console", (message) => {
        if (["error", "warning", "assert"].includes(message.type())) {
          messages.push(`${message.type()}: ${message.text()}`);
        }
      });
      page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
      await use(messages);
      const unexpected = messages.filter((m) => !allowedConsole?.test(m));
      expect(unexpected, "console messages").toEqual([]);
    },
    { auto: true },
  ],
});

/** Loads the page and waits until the interactive chart has drawn. */
export async function openChart(page, path = "/") {
  await page.goto(path);
  await page.waitForFunction(chartIsInteractive);
  return page.locator("#chart");
}

/** The page's visible text, with whitespace as the reader sees it. */
export async function visibleText(page) {
  return page.evaluate(() => document.body.innerText);
}

/** Moves the mouse across the chart at mid-height; returns each distinct tooltip value seen. */
export async function sweepTooltips(page) {
  const canvas = page.locator(CHART_CANVAS);
  const box = await canvas.boundingBox();
  const seen = [];
  for (let x = 2; x < box.width - 2; x += 6) {
    await page.mouse.move(box.x + x, box.y + box.height / 2);
    const value = await page
      .locator(".chart-tooltip .tooltip-value")
      .textContent({ timeout: 1000 })
      .catch(() => null);
    if (value && !seen.includes(value)) seen.push(value);
  }
  return seen;
}
