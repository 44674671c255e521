// node --test tools/   (scripts/test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { shortenImports } from "./short-imports.mjs";

const text = (s) => [s.length, ...new TextEncoder().encode(s)];

/**
 * A valid module importing `fields` (functions of type () -> ()) and a memory from `module`,
 * and exporting one function of its own under each name in `exports`.
 */
function moduleImporting(module, fields, exports = []) {
  const types = [0x01, 0x60, 0x00, 0x00];
  const imports = [fields.length + 1];
  for (const field of fields) imports.push(...text(module), ...text(field), 0x00, 0x00);
  imports.push(...text(module), ...text("memory"), 0x02, 0x00, 0x01);
  const section = (id, body) => [id, body.length, ...body];
  const own = exports.length
    ? [
        ...section(3, [0x01, 0x00]),
        ...section(7, [exports.length, ...exports.flatMap((e) => [...text(e), 0x00, fields.length])]),
        ...section(10, [0x01, 0x02, 0x00, 0x0b]),
      ]
    : [];
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...section(1, types), ...section(2, imports), ...own]);
}

const FIELDS = ["__wbg_arc_df3f7eb77e59876f", "__wbg_call_a410eb4b59ed5965"];
const GLUE =
  'function T(){return{__proto__:null,"./app_bg.js":{__proto__:null,' +
  "__wbg_arc_df3f7eb77e59876f:function(e){e.arc()},__wbg_call_a410eb4b59ed5965:function(e){return e()},memory:m}}}";

test("renames every import in the wasm and its key in the glue, and nothing else", () => {
  const { wasm, glue } = shortenImports(moduleImporting("./app_bg.js", FIELDS), GLUE);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  assert.deepEqual(
    imports.map((i) => [i.module, i.name, i.kind]),
    [
      ["w", "a", "function"],
      ["w", "b", "function"],
      ["w", "c", "memory"],
    ],
  );
  assert.equal(
    glue,
    "function T(){return{__proto__:null,w:{__proto__:null,a:function(e){e.arc()},b:function(e){return e()},c:m}}}",
  );
});

test("refuses a glue that does not name an import exactly once", () => {
  const wasm = moduleImporting("./app_bg.js", FIELDS);
  const missing = GLUE.replace("__wbg_call_a410eb4b59ed5965:", "other:");
  assert.throws(() => shortenImports(wasm, missing), /__wbg_call_a410eb4b59ed5965 0 times/);
  const twice = GLUE.replace("memory:m", "memory:m,__wbg_arc_df3f7eb77e59876f:0");
  assert.throws(() => shortenImports(wasm, twice), /__wbg_arc_df3f7eb77e59876f 2 times/);
});

test("refuses a module that is not wasm", () => {
  assert.throws(() => shortenImports(new Uint8Array(16), GLUE), /not a wasm module/);
});

test("renames exports named with a symbol hash where the glue calls them, and keeps the others", () => {
  const hashed = "invoke__h04319d11c0c54dc8";
  const wasm = moduleImporting("./app_bg.js", FIELDS, [hashed, `${hashed}_2`, "start"]);
  const glue = GLUE.replace("e.arc()", `o.${hashed}(e),o.${hashed}_2(),o.start()`);
  const out = shortenImports(wasm, glue);
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(out.wasm)).map((e) => e.name);
  assert.deepEqual(exports, ["h0", "h1", "start"]);
  assert.match(out.glue, /a:function\(e\)\{o\.h0\(e\),o\.h1\(\),o\.start\(\)\}/);
  // v0 mangling puts the crates' hashes inside the name.
  const v0 = "wasm_bindgen_4103ee816b20e416___convert__closures_____invoke___JsValue______true_";
  const withV0 = shortenImports(moduleImporting("./app_bg.js", FIELDS, [v0, "__wbindgen_start"]), GLUE.replace("e.arc()", `o.${v0}(e)`));
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(withV0.wasm)).map((e) => e.name), ["h0", "__wbindgen_start"]);
  assert.match(withV0.glue, /a:function\(e\)\{o\.h0\(e\)\}/);
  // Named other than as a property (here, as a string): refused.
  assert.throws(() => shortenImports(wasm, glue + `;"${hashed}"`), /uses the export invoke__h04319d11c0c54dc8 2 times, 1 as/);
});
