// Right without CSS: what a text browser (lynx, Debian's `lynx`) prints of the served page is
// what any reader without the stylesheet gets: every sentence as published, each quotation mark
// once (the content's quotes carry theirs: no `<q>` adds a second pair), and the chart's data
// as a table of periods and values.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, sentences, CONTENT, ARTIFACTS } from "./fixtures.mjs";

/** `lynx -dump` of `url`, in UTF-8 (browsers.md: without a UTF-8 locale, "ø" prints as "?"). */
function lynxDump(url) {
  const run = spawnSync(
    "lynx",
    ["-dump", "-width=100", "-nolist", "-display_charset=utf-8", url],
    // An empty HOME: no reader's lynx configuration.
    { encoding: "utf8", env: { ...process.env, LANG: "C.UTF-8", HOME: mkdtempSync(join(tmpdir(), "lynx-home-")) } },
  );
  if (run.error?.code === "ENOENT") throw new Error("lynx is missing: apt-get install lynx");
  if (run.status !== 0) throw new Error(`lynx failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

const normalised = (text) => text.replace(/\s+/gu, " ").trim();

test("lynx shows every sentence as published, each quotation mark once, and the data table", async ({ baseURL }) => {
  const dump = lynxDump(`${baseURL}/`);
  writeFileSync(`${ARTIFACTS}lynx.txt`, dump);
  const text = normalised(dump);

  const all = sentences();
  expect(all.length).toBeGreaterThan(20);
  for (const sentence of all) {
    expect(text.includes(normalised(sentence)), sentence).toBe(true);
  }

  // No mark doubled (a `<q>` around a published quote prints "“There…,”" as ""“There…,”"").
  const doubled = text.match(/.{0,20}["“”„‘’'][\s\u00a0]?["“”„].{0,20}/gu) ?? [];
  expect(doubled, "doubled quotation marks").toEqual([]);
  // Each quote once, with its attribution, exactly as in the content file.
  for (const block of CONTENT.article.body.filter((b) => b.quote)) {
    const quote = normalised(`${block.quote.text} ${block.quote.attribution}`);
    expect(text.split(quote).length - 1, quote).toBe(1);
  }

  // The data table: one line per point, its period (with a note, e.g. "(approximate date)"),
  // then its value.
  const lines = dump.split("\n").map(normalised);
  const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const point of CONTENT.chart.points) {
    const row = new RegExp(`^${escaped(point.period)}( \\([^)]*\\))? ${point.value}( |$)`, "iu");
    expect(lines.filter((line) => row.test(line)), `one table row "${point.period} ${point.value}"`).toHaveLength(1);
  }
});
