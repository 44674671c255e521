// Lighthouse (mobile, the default) against the release build in ../dist, served as a careful
// host would (gzip, CSP: ../end2end/serve.mjs), in Debian's Chromium. Prints the four scores and
// every audit that is not perfect. A benchmark, not a test: performance scores vary by machine.
//   node lighthouse.mjs [runs]
import { spawn } from "node:child_process";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { CHROMIUM, CHROMIUM_FLAGS } from "../end2end/chromium.mjs";

const PORT = 8790;
const runs = Number(process.argv[2] ?? 3);
const server = spawn("node", ["../end2end/serve.mjs", "../dist", String(PORT)], { stdio: "ignore" });
await new Promise((resolve) => setTimeout(resolve, 500));

const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
try {
  const scores = [];
  for (let run = 0; run < runs; run++) {
    const { lhr } = await lighthouse(`http://127.0.0.1:${PORT}/`, { port: chrome.port, logLevel: "error" });
    const score = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
    scores.push(score);
    console.log(`run ${run + 1}:`, JSON.stringify(score));
    if (run === runs - 1) {
      for (const audit of Object.values(lhr.audits)) {
        const counted = !["informative", "notApplicable", "manual"].includes(audit.scoreDisplayMode);
        if (counted && audit.score !== null && audit.score < 1) {
          console.log(`  ${audit.id}: ${audit.score} ${audit.displayValue ?? ""}`);
        }
      }
      for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]) {
        console.log(`  ${id}: ${lhr.audits[id].displayValue}`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.kill();
}
