// Minifies the staged JavaScript and CSS with esbuild, shortens the wasm's import and export names
// in the wasm and its glue (binaryen's pass, tools/short-names.mjs), then rewrites the subresource-integrity hashes in
// index.html to match the new bytes. Trunk cannot do it: its minifier fails on wasm-bindgen's
// glue ("Failed to minify JS") and leaves CSS as written.
//   node tools/minify.mjs <staging dir>        (scripts/post-build runs it as a Trunk hook)
// Measured on the release build (gzip -9): JS glue 7.8 → 6.0 KB by esbuild, → 3.9 KB with short
// import and export names; wasm 82.0 → 78.2 KB; CSS 3.3 → 2.4 KB; loader 1.2 → 0.6 KB.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import { exportIndexCollision, exportsLast } from "./exports-last.mjs";
import { MINIFY_PASS, shortGlue } from "./short-names.mjs";

const dir = process.argv[2];
if (!dir) {
  console.error("minify: give the staging directory");
  process.exit(1);
}

// The wasm's glue is an ES module; our own scripts (the loader, the embed page's script, the
// embed code's host script, the fallback for old browsers) are classic scripts.
const loaderFor = (name) => (name.endsWith(".css") ? "css" : "js");
const glueFor = (names) => names.find((name) => name.endsWith("_bg.wasm"))?.replace(/_bg\.wasm$/, ".js");
const formatFor = (name) => (name === glueFor(readdirSync(dir)) ? "esm" : undefined);

const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

const changed = new Map();
for (const name of readdirSync(dir)) {
  if (!/\.(js|css)$/.test(name)) continue;
  const path = join(dir, name);
  const source = readFileSync(path, "utf8");
  let code;
  try {
    ({ code } = transformSync(source, {
      loader: loaderFor(name),
      format: formatFor(name),
      minify: true,
      // The page's oldest supported browsers run ES modules and WebAssembly; keep their syntax.
      target: name.endsWith(".css") ? ["chrome100", "firefox100", "safari15"] : "es2020",
      legalComments: "none",
    }));
  } catch (error) {
    console.error(`minify: ${path}: ${error.message}`);
    process.exit(1);
  }
  writeFileSync(path, code);
  changed.set(name, sri(code));
}

// wasm-opt -Oz again after the renaming (Trunk ran it once: index.html's data-wasm-opt), until it
// stops shrinking the module, without the debug, producer and feature sections.
const OZ = ["-Oz", "--converge", "--strip-debug", "--strip-producers", "--strip-target-features"];

// The wasm and its glue (after minifying: the glue's import keys are then `,name:`).
const wasmName = readdirSync(dir).find((name) => name.endsWith("_bg.wasm"));
if (wasmName) {
  const release = process.env.TRUNK_PROFILE === "release";
  const glueName = wasmName.replace(/_bg\.wasm$/, ".js");
  let wasm = readFileSync(join(dir, wasmName));
  let glue = readFileSync(join(dir, glueName), "utf8");
  try {
    // binaryen's short import and export names, and the same in the glue (tools/short-names.mjs).
    // A run of its own: `--converge` below would repeat the pass. A dev build keeps its function
    // names (`-g`).
    if (release) wasm = exportsLast(wasm);
    const minified = wasmOpt(wasm, release ? [MINIFY_PASS] : [MINIFY_PASS, "-g"]);
    wasm = minified.wasm;
    // Release builds: the exports at the end (tools/exports-last.mjs), then wasm-opt -Oz again,
    // which recovers what re-encoding the module costs (44,425 → 44,376 bytes of gzip wasm).
    if (release) wasm = wasmOpt(wasm, OZ).wasm;
    glue = shortGlue(glue, minified.printed);
  } catch (error) {
    console.error(`minify: ${wasmName}: ${error.message}`);
    process.exit(1);
  }
  const collision = release && exportIndexCollision(wasm);
  if (collision) {
    console.error(`minify: ${wasmName}: exported functions ${collision.join(" and ")} share a slot of V8's number cache (tools/exports-last.mjs)`);
    process.exit(1);
  }
  // V8's explicit compile hint: every function of the glue runs at start (one shim per wasm
  // import), so V8 compiles them all on a background thread while the file loads instead of
  // one by one on the main thread when first called. Measured (median of 15 loads, 4× CPU):
  // first paint to chart drawn 226 → 177 ms.
  glue = `//# allFunctionsCalledOnLoad\n${glue}`;
  writeFileSync(join(dir, wasmName), wasm);
  writeFileSync(join(dir, glueName), glue);
  changed.set(wasmName, sri(wasm));
  changed.set(glueName, sri(glue));
}

// Every tag that names a changed file gets that file's new hash. The template's comments (notes
// for developers) go; the app root is still empty here, so no hydration marker is touched.
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8").replace(/\s*<!--[\s\S]*?-->/g, "");
html = html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
  const url = tag.match(/\s(?:href|src)="([^"]+)"/)?.[1];
  const name = url?.split("/").pop();
  if (!name || !changed.has(name) || !/\sintegrity="/.test(tag)) return tag;
  return tag.replace(/(\sintegrity=")[^"]*"/, `$1${changed.get(name)}"`);
});
writeFileSync(indexPath, html);

/** The module through the npm binaryen's wasm-opt with `passes`: the new module and what it printed. */
function wasmOpt(wasm, passes) {
  const scratch = mkdtempSync(join(tmpdir(), "way-out-wasm-"));
  try {
    const input = join(scratch, "in.wasm");
    const output = join(scratch, "out.wasm");
    writeFileSync(input, wasm);
    const wasmOpt = fileURLToPath(new URL("node_modules/.bin/wasm-opt", import.meta.url));
    const features = ["reference-types", "bulk-memory", "nontrapping-float-to-int", "sign-ext", "multivalue"];
    const printed = execFileSync(wasmOpt, [input, ...features.map((f) => `--enable-${f}`), ...passes, "-o", output], {
      encoding: "utf8",
    });
    return { wasm: readFileSync(output), printed };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
