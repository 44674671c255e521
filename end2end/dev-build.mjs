// Smoke test of the dev build, the one `scripts/serve` runs: the app starts (its canvas takes
// over) and the console stays clean. The end-to-end suite tests the release build only, and
// unoptimized code differs in ways that can break it alone (stack use: a 16 KB stack overflows).
//   node dev-build.mjs DIST
// Serves DIST on a free port; the server and the browser end on every path.
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium.mjs";
import { startServer } from "./serve.mjs";

const dist = process.argv[2];
if (!dist) {
  console.error("dev-build: give the dev build's directory");
  process.exit(2);
}

async function check(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const messages = [];
    page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on("pageerror", (error) => messages.push(`page error: ${error.message}`));
    const response = await page.goto(url);
    if (!response.ok()) return `the page answered ${response.status()}`;
    let failure = null;
    await page
      .waitForFunction(() => performance.getEntriesByName("chart-interactive").length > 0, null, { timeout: 30_000 })
      .catch(() => {
        failure = "the app did not draw its chart";
      });
    // The notice has words from the start (for a page where no script runs); shown, it says why.
    const notice = await page.evaluate(() => {
      const element = document.getElementById("notice");
      return element?.checkVisibility() ? element.textContent : null;
    });
    if (!failure && notice) failure = `the page shows its notice: ${notice}`;
    if (!failure && messages.length) failure = "the console is not clean";
    if (failure && messages.length) failure += `:\n${messages.join("\n")}`;
    return failure;
  } finally {
    await browser.close();
  }
}

let failure;
const server = await startServer({ root: dist, port: 0 });
try {
  failure = await check(server.url);
} catch (error) {
  failure = error.stack ?? String(error);
} finally {
  await server.close();
}
if (failure) {
  console.error(`dev-build: ${dist}: ${failure}`);
  process.exit(1);
}
console.log(`dev-build: ${dist}: the app starts, console clean`);
