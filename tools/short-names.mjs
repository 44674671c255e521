// Short names on the boundary between the wasm and its JS glue. wasm-bindgen names each import
// after its JS function plus a 16-hex-digit hash ("__wbg_arc_df3f7eb77e59876f"), and the closure
// exports after mangled Rust symbols with crate hashes inside (often 200 characters): each name is
// written once in the wasm and once in the glue, and hashes do not compress. binaryen renames them
// in the wasm (`wasm-opt --minify-imports-and-exports-and-modules`: imports "a", "b", … from one
// module "a", exports too) and prints its mapping as JSON; `shortGlue` applies that mapping to
// the glue. tools/minify.mjs runs both. Measured (gzip -9): page −5.8 KB (wasm −3.7, glue −2.1).
//
//   shortGlue(glue, mappingJson) → glue
// Throws with a clear message if the glue names an import module or an import other than once as
// an object key, or an export other than as `.name`: the shapes wasm-bindgen's web target writes
// (and esbuild's minifier keeps).

/** The wasm-opt pass, and the one module name it gives every import. */
export const MINIFY_PASS = "--minify-imports-and-exports-and-modules";
const MODULE = "a";

const escaped = (name) => name.replace(/\$/g, "\\$");
const count = (text, pattern) => text.match(pattern)?.length ?? 0;

export function shortGlue(glue, mappingJson) {
  const { imports, exports } = JSON.parse(mappingJson);
  const modules = new Set(imports.map(([module]) => module));
  // binaryen merges every module into one: the glue's import object would then have two keys.
  if (modules.size > 1) throw new Error(`imports from ${modules.size} modules: not wasm-bindgen's shape`);
  for (const module of modules) {
    const key = `${JSON.stringify(module)}:`;
    if (glue.split(key).length !== 2) throw new Error(`the glue names the import module ${module} other than once`);
    glue = glue.replace(key, `${MODULE}:`);
  }
  for (const [, name, short] of imports) {
    const key = new RegExp(`([{,])${escaped(name)}:`, "g");
    const found = count(glue, key);
    if (found !== 1) throw new Error(`the glue names the import ${name} ${found} times as a key`);
    glue = glue.replace(key, `$1${short}:`);
  }
  for (const [name, short] of exports) {
    const asProperty = new RegExp(`\\.${escaped(name)}(?![\\w$])`, "g");
    const uses = count(glue, new RegExp(`(?<![\\w$])${escaped(name)}(?![\\w$])`, "g"));
    if (uses !== count(glue, asProperty)) {
      throw new Error(`the glue uses the export ${name} ${uses} times, ${count(glue, asProperty)} as \`.${name}\``);
    }
    glue = glue.replace(asProperty, `.${short}`);
  }
  return glue;
}
