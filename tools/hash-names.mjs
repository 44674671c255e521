// Gives staged files that Trunk copies under their own name (`copy-file`: style/noscript.css,
// js/actions.js) a content hash in their name, as Trunk names the files it processes
// (`name-<16 hex>.ext`), and points index.html at the new name. Every file the page loads then
// has a name that changes with its bytes, so hosts can cache all of them for a year (deploy/,
// docs/deploy.md).
//   node tools/hash-names.mjs <staging dir> <file>...   (scripts/post-build, after minify.mjs)

import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** `noscript.css` with these bytes → `noscript-<first 16 hex digits of their SHA-256>.css`. */
export function hashedName(name, bytes) {
  const dot = name.lastIndexOf(".");
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  return `${name.slice(0, dot)}-${hash}${name.slice(dot)}`;
}

/** `html` with its one `href="name"`, `src="name"` or `content="name"` naming `renamed` instead. */
export function renameReference(html, name, renamed) {
  const pattern = new RegExp(`((?:href|src|content)=")(?:\\./)?${name.replace(/\./g, "\\.")}"`, "g");
  const found = html.match(pattern)?.length ?? 0;
  if (found !== 1) throw new Error(`index.html names ${name} ${found} times, expected once`);
  return html.replace(pattern, `$1${renamed}"`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, ...names] = process.argv.slice(2);
  if (!dir || names.length === 0) {
    console.error("hash-names: give the staging directory and the files to rename");
    process.exit(1);
  }
  const indexPath = join(dir, "index.html");
  let html = readFileSync(indexPath, "utf8");
  try {
    for (const name of names) {
      const renamed = hashedName(name, readFileSync(join(dir, name)));
      html = renameReference(html, name, renamed);
      renameSync(join(dir, name), join(dir, renamed));
    }
  } catch (error) {
    console.error(`hash-names: ${error.message}`);
    process.exit(1);
  }
  writeFileSync(indexPath, html);
}
