// Smoke test of the dev build, the one `scripts/serve` runs: the app starts (its canvas takes
// over) and the console stays clean. The end-to-end suite tests the release build only, and
// unoptimized code differs in ways that can break it alone (stack use: a 16 KB stack overflows).
//   node dev-build.mjs DIST
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium.mjs";

const dist = process.argv[2];
if (!dist) {
  console.error("dev-build: give the dev build's directory");
  process.exit(2);
}
const PORT = 8788;
const server = spawn("node", [new URL("serve.mjs", import.meta.url).pathname, dist, String(PORT)], {
  stdio: "ignore",
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
let failure = null;
try {
  const page = await browser.newPage();
  const messages = [];
  page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => messages.push(`page error: ${error.message}`));
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(`http://127.0.0.1:${PORT}/`);
      break;
    } catch (error) {
      if (attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await page
    .waitForFunction(() => performance.getEntriesByName("chart-interactive").length > 0, null, { timeout: 30_000 })
    .catch(() => {
      failure = "the app did not draw its chart";
    });
  const notice = await page.locator("#notice").textContent();
  if (!failure && notice) failure = `the page shows its notice: ${notice}`;
  if (!failure && messages.length) failure = "the console is not clean";
  if (failure && messages.length) failure += `:\n${messages.join("\n")}`;
} finally {
  await browser.close();
  server.kill();
}
if (failure) {
  console.error(`dev-build: ${dist}: ${failure}`);
  process.exit(1);
}
console.log(`dev-build: ${dist}: the app starts, console clean`);
