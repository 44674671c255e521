// Writes the page's stylesheet into index.html and embed.html as a `<style>` element, allowed by
// its SHA-256 hash in the pages' Content-Security-Policy, and deletes the file. The first paint
// then needs no second request: on a phone's network (slow 4G, 150 ms round trips) it came
// 100 ms sooner, 664 → 564 ms (docs/build.md). Hosts that send the policy as a header get the
// hash with it (`_headers` is written from the page's <meta>: tools/deploy-files.mjs).
//   node tools/inline-css.mjs <staging dir>   (scripts/post-build, after the prerender)

import { createHash } from "node:crypto";
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Trunk's link to the processed stylesheet, `main-<hash>.css`. */
const LINK = /<link rel="stylesheet" href="(?:\.\/)?(main-[0-9a-f]{8,16}\.css)"\/?>/;
const STYLE_SRC = "style-src 'self'";

/** `'sha256-…'`: how a policy allows exactly this `<style>` element's text. */
export function styleHash(css) {
  return `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
}

/** The stylesheet Trunk links from `html`, or an error if there is not exactly one. */
export function linkedStylesheet(html) {
  const found = html.match(new RegExp(LINK.source, "g")) ?? [];
  if (found.length !== 1) throw new Error(`expected one link to main-<hash>.css, found ${found.length}`);
  return html.match(LINK)[1];
}

/** `html` with its stylesheet link replaced by `css` in a `<style>` element its policy allows. */
export function inlineStylesheet(html, css) {
  if (css.includes("</style")) throw new Error("the stylesheet contains </style");
  const policies = html.split(STYLE_SRC).length - 1;
  if (policies !== 1) throw new Error(`expected one policy with "${STYLE_SRC}", found ${policies}`);
  return html
    .replace(LINK, () => `<style>${css}</style>`)
    .replace(STYLE_SRC, `${STYLE_SRC} ${styleHash(css)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error("inline-css: give the staging directory");
    process.exit(1);
  }
  try {
    const pages = ["index.html", "embed.html"].map((name) => join(dir, name)).filter(existsSync);
    const sheet = linkedStylesheet(readFileSync(pages[0], "utf8"));
    const css = readFileSync(join(dir, sheet), "utf8");
    for (const page of pages) writeFileSync(page, inlineStylesheet(readFileSync(page, "utf8"), css));
    unlinkSync(join(dir, sheet));
  } catch (error) {
    console.error(`inline-css: ${error.message}`);
    process.exit(1);
  }
}
