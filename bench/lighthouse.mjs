// Lighthouse (mobile, the default) against the release build in ../dist, served as a careful
// host would (gzip, CSP: ../end2end/serve.mjs), in Debian's Chromium. Prints the four scores and
// every audit that is not perfect. A benchmark, not a test: performance scores vary by machine.
//   cd bench && npm ci && node lighthouse.mjs [runs]
import { fileURLToPath } from "node:url";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { CHROMIUM, CHROMIUM_FLAGS } from "../end2end/chromium.mjs";
import { startServer } from "../end2end/serve.mjs";

const runs = Number(process.argv[2] ?? 3);
// A free port (port 0), so two runs or a test server on the machine do not collide.
const server = await startServer({ root: fileURLToPath(new URL("../dist", import.meta.url)) });

const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
try {
  const scores = [];
  for (let run = 0; run < runs; run++) {
    const { lhr } = await lighthouse(server.url, { port: chrome.port, logLevel: "error" });
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
  await server.close();
}
