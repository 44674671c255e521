// node --test tools/   (scripts/test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import binaryen from "binaryen";
import { MINIFY_PASS, shortGlue } from "./short-names.mjs";

const ARC = "__wbg_arc_df3f7eb77e59876f";
const CALL = "__wbg_call_a410eb4b59ed5965";
const CLOSURE = "wasm_bindgen_4103ee816b20e416___convert__closures_____invoke___JsValue______true_";

// wasm-bindgen's web target, minified by esbuild: the imports object, and the exports as `o.name`.
const GLUE =
  `function T(){return{__proto__:null,"./app_bg.js":{__proto__:null,${ARC}:function(e){e.arc()},` +
  `${CALL}:function(e){return o.${CLOSURE}(e)}}}}function S(){o.__wbindgen_start(),o.memory.buffer}`;

/** A module as wasm-bindgen shapes it: two imports, a closure export, a start export, a memory. */
function wasmBindgenModule() {
  const module = new binaryen.Module();
  module.addFunctionImport("arc", "./app_bg.js", ARC, binaryen.none, binaryen.none);
  module.addFunctionImport("call", "./app_bg.js", CALL, binaryen.none, binaryen.none);
  module.addFunction("closure", binaryen.none, binaryen.none, [], module.call("arc", [], binaryen.none));
  module.addFunction("start", binaryen.none, binaryen.none, [], module.call("call", [], binaryen.none));
  module.addFunctionExport("closure", CLOSURE);
  module.addFunctionExport("start", "__wbindgen_start");
  module.setMemory(1, 1, "memory");
  const bytes = module.emitBinary();
  module.dispose();
  return bytes;
}

/** The module through the npm binaryen's wasm-opt with the pass: [wasm, printed mapping]. */
function minified(wasm) {
  const scratch = mkdtempSync(join(tmpdir(), "short-names-"));
  try {
    writeFileSync(join(scratch, "in.wasm"), wasm);
    const wasmOpt = fileURLToPath(new URL("node_modules/.bin/wasm-opt", import.meta.url));
    const mapping = execFileSync(wasmOpt, [join(scratch, "in.wasm"), MINIFY_PASS, "-o", join(scratch, "out.wasm")], { encoding: "utf8" });
    return [readFileSync(join(scratch, "out.wasm")), mapping];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

test("binaryen's short names in the wasm, and the same names in the glue, nothing else", () => {
  const [wasm, mapping] = minified(wasmBindgenModule());
  const module = new WebAssembly.Module(wasm);
  assert.deepEqual(
    WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`),
    ["a.a", "a.b"],
  );
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name).sort(), ["c", "d", "e"]);
  const glue = shortGlue(GLUE, mapping);
  assert.equal(
    glue,
    "function T(){return{__proto__:null,a:{__proto__:null,a:function(e){e.arc()}," +
      `b:function(e){return o.${exportName(mapping, CLOSURE)}(e)}}}}` +
      `function S(){o.${exportName(mapping, "__wbindgen_start")}(),o.${exportName(mapping, "memory")}.buffer}`,
  );
  assert.doesNotMatch(glue, /__wbg|__wbindgen|closures|memory/);
});

const exportName = (mapping, name) => JSON.parse(mapping).exports.find(([old]) => old === name)[1];

test("refuses a glue that does not name an import exactly once as a key", () => {
  const [, mapping] = minified(wasmBindgenModule());
  assert.throws(() => shortGlue(GLUE.replace(`${CALL}:`, "other:"), mapping), /__wbg_call_a410eb4b59ed5965 0 times/);
  assert.throws(() => shortGlue(GLUE.replace("o.memory", `{${ARC}:1}`), mapping), /__wbg_arc_df3f7eb77e59876f 2 times/);
});

test("refuses a glue that names an export other than as a property", () => {
  const [, mapping] = minified(wasmBindgenModule());
  assert.throws(() => shortGlue(`${GLUE};"${CLOSURE}"`, mapping), /uses the export wasm_bindgen_\w+ 2 times, 1 as/);
});

test("refuses imports from more than one module (binaryen would merge them)", () => {
  const mapping = JSON.stringify({ imports: [["./app_bg.js", ARC, "a"], ["snippet", CALL, "b"]], exports: [] });
  assert.throws(() => shortGlue(GLUE, mapping), /imports from 2 modules/);
});
