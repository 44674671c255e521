// Chromium (Debian's `chromium`), driven by playwright-core. One browser; each `open` gets a
// fresh context with the viewport, pixel ratio and colour scheme asked for. The engine interface
// is described in ../engines.mjs.
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS } from "../chromium.mjs";
import { requireFile } from "./processes.mjs";

export async function launch({ ratio }) {
  await requireFile(CHROMIUM, "chromium");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  let context = null;
  let page = null;
  let messages = [];
  return {
    name: "chromium",
    version: `Chromium ${browser.version()}`,

    async open(url, { width, height, scheme }) {
      await context?.close();
      context = await browser.newContext({
        viewport: { width, height },
        deviceScaleFactor: ratio,
        colorScheme: scheme,
      });
      page = await context.newPage();
      messages = [];
      page.on("console", (message) => {
        if (["error", "warning", "assert"].includes(message.type())) {
          messages.push(`console ${message.type()}: ${message.text()}`);
        }
      });
      page.on("pageerror", (error) => messages.push(`page error: ${error.message}`));
      await page.goto(url);
    },

    // A string expression: Playwright evaluates it over the DevTools protocol, which the
    // page's policy (no 'unsafe-eval') does not govern.
    evaluate: (fn, ...args) => page.evaluate(`(${fn})(...${JSON.stringify(args)})`),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: (path) => page.screenshot({ path }),
    messages: () => [...messages],
    close: () => browser.close(),
  };
}
