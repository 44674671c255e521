// node --test tools/   (scripts/test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { shortenImports } from "./short-imports.mjs";

const text = (s) => [s.length, ...new TextEncoder().encode(s)];

/** A valid module importing `fields` (functions of type () -> ()) from `module`, plus a memory. */
function moduleImporting(module, fields) {
  const types = [0x01, 0x60, 0x00, 0x00];
  const imports = [fields.length + 1];
  for (const field of fields) imports.push(...text(module), ...text(field), 0x00, 0x00);
  imports.push(...text(module), ...text("memory"), 0x02, 0x00, 0x01);
  const section = (id, body) => [id, body.length, ...body];
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...section(1, types), ...section(2, imports)]);
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
