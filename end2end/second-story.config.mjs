// Reader flows on a second story: the same app built from another content file, to prove the
// code follows the content and not the published story's numbers. Runs only
// second-story/*.spec.mjs, against the build in WAY_OUT_DIST, built from WAY_OUT_CONTENT; both
// must be set (scripts/test does), each absolute or relative to the repository:
//
//   WAY_OUT_CONTENT=content/tests/second-story.toml scripts/trunk build --release --dist target/dist-second
//   cd end2end && WAY_OUT_CONTENT=content/tests/second-story.toml WAY_OUT_DIST=target/dist-second \
//     npx playwright test --config second-story.config.mjs
import { resolve } from "node:path";
import { suite } from "./playwright.config.mjs";

for (const name of ["WAY_OUT_CONTENT", "WAY_OUT_DIST"]) {
  if (!process.env[name]) throw new Error(`second-story.config.mjs: set ${name} (see the comment at its top)`);
}

export default await suite({
  testDir: "./second-story",
  outputDir: "./test-results/second-story",
  dist: resolve(new URL("..", import.meta.url).pathname, process.env.WAY_OUT_DIST),
  portVariable: "WAY_OUT_SECOND_PORT",
});
