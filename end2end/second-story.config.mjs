// Reader flows on a second story: the same app built from another content file, to prove the
// code follows the content and not the published story's numbers. Runs only
// second-story/*.spec.mjs, against the build in WAY_OUT_DIST, built from WAY_OUT_CONTENT; both
// must be set (scripts/test does), each absolute or relative to the repository:
//
//   WAY_OUT_CONTENT=content/tests/second-story.toml scripts/trunk build --release --dist target/dist-second
//   cd end2end && WAY_OUT_CONTENT=content/tests/second-story.toml WAY_OUT_DIST=target/dist-second \
//     npx playwright test --config second-story.config.mjs
import { createServer } from "node:net";
import { resolve } from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium.mjs";

for (const name of ["WAY_OUT_CONTENT", "WAY_OUT_DIST"]) {
  if (!process.env[name]) throw new Error(`second-story.config.mjs: set ${name} (see the comment at its top)`);
}

/** A port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Picked once: Playwright loads this file again in each worker, which inherits the runner's
// environment.
process.env.WAY_OUT_SECOND_PORT ??= String(await freePort());
const PORT = Number(process.env.WAY_OUT_SECOND_PORT);

export default defineConfig({
  testDir: "./second-story",
  outputDir: "./test-results/second-story",
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
    command: `node serve.mjs ${JSON.stringify(resolve(new URL("..", import.meta.url).pathname, process.env.WAY_OUT_DIST))} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
