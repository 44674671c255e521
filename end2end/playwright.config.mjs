// End-to-end tests against the optimised release build (../dist from `scripts/trunk build --release`,
// or the folder in WAY_OUT_E2E_DIST, e.g. a deliberately broken copy to see a test fail),
// served on 127.0.0.1 with a strict Content-Security-Policy, in Debian's Chromium.
import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium.mjs";
import { freePort } from "./engines/processes.mjs";

/**
 * A Playwright suite in Debian's Chromium against the build in `dist`, served by serve.mjs on a
 * free port. The port is picked once and kept in `portVariable`: Playwright loads a config again
 * in each worker, and the workers inherit the runner's environment.
 */
export async function suite({ testDir, outputDir, dist, portVariable }) {
  process.env[portVariable] ??= String(await freePort());
  const port = Number(process.env[portVariable]);
  return defineConfig({
    testDir,
    outputDir,
    fullyParallel: true,
    workers: 2,
    retries: 0,
    timeout: 30_000,
    expect: { timeout: 10_000 },
    reporter: [["list"]],
    use: {
      baseURL: `http://127.0.0.1:${port}`,
      browserName: "chromium",
      launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
    },
    webServer: {
      command: `node serve.mjs ${JSON.stringify(dist)} ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
  });
}

export default await suite({ testDir: "./tests", outputDir: "./test-results", dist: process.env.WAY_OUT_E2E_DIST ?? "../dist", portVariable: "WAY_OUT_E2E_PORT" });
