// End-to-end tests against the optimised release build (../dist from `scripts/trunk build --release`),
// served on 127.0.0.1 with a strict Content-Security-Policy, in Debian's Chromium.
import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium.mjs";
import { freePort } from "./engines/processes.mjs";

// A free port, picked once: Playwright loads this file again in each worker, and the workers
// inherit the runner's environment, so they all see the port the runner picked.
process.env.WAY_OUT_E2E_PORT ??= String(await freePort());
const PORT = Number(process.env.WAY_OUT_E2E_PORT);

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
  },
  webServer: {
    command: `node serve.mjs ../dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
