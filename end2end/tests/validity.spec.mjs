// Valid HTML: the Nu Html Checker (the checker validator.w3.org runs; npm `vnu-jar`, pinned in
// package.json, on Java) finds no error in any built page, nor in the page's DOM once the app has
// hydrated it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, openChart } from "./fixtures.mjs";

const DIST = new URL("../../dist/", import.meta.url).pathname;
const VNU = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

/** The checker's errors for `files`, as `file:line:column: message` lines. */
function htmlErrors(files) {
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error || java.status !== 0) {
    throw new Error(
      `java is missing (the Nu Html Checker runs on Java): apt-get install default-jre-headless (${java.error?.message ?? java.stderr})`,
    );
  }
  // The checker also reads the stylesheet inside the pages. Its CSS checker predates container
  // queries (CSS Containment 3; in every engine since 2023), and calls `container-type` and
  // `@container` errors: those two, and only those, are not HTML's errors.
  const outdated = ".*(“container-type”: Property “container-type” doesn't exist|Unrecognized at-rule “@container”).*";
  const run = spawnSync("java", ["-jar", VNU, "--format", "json", "--errors-only", "--filterpattern", outdated, ...files], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  // The messages come on stderr, as JSON; the exit code is 1 when there are errors.
  let messages;
  try {
    ({ messages } = JSON.parse(run.stderr));
  } catch {
    throw new Error(`the checker did not run (exit ${run.status}): ${run.stderr}${run.stdout}`);
  }
  return messages.map(
    (m) => `${m.url?.replace(/^file:/, "")}:${m.lastLine ?? "?"}:${m.firstColumn ?? "?"}: ${m.type}: ${m.message}`,
  );
}

test("every built page is valid HTML", async () => {
  test.setTimeout(60_000);
  const pages = readdirSync(DIST).filter((name) => name.endsWith(".html"));
  expect(pages).toEqual(expect.arrayContaining(["index.html", "embed.html"]));
  const errors = htmlErrors(pages.map((name) => join(DIST, name)));
  expect(errors, errors.join("\n")).toEqual([]);
});

test("the page's DOM after hydration is valid HTML", async ({ page }) => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), "way-out-dom-"));
  const files = [];
  // The page as it opens, and with what the app adds shown: a selected point (its marker and
  // tooltip), the table and the log scale.
  for (const [name, path] of [
    ["hydrated.html", "/"],
    ["hydrated-point.html", "/?point=2"],
    ["hydrated-table-log.html", "/?view=table&scale=log"],
  ]) {
    await openChart(page, path);
    const html = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);
    const file = join(dir, name);
    writeFileSync(file, html);
    files.push(file);
  }
  const errors = htmlErrors(files);
  expect(errors, errors.join("\n")).toEqual([]);
});
