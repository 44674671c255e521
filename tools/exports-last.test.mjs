// node --test tools/   (scripts/test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import binaryen from "binaryen";
import { exportIndexCollision, exportedFunctionIndices, exportsLast, V8_FIRST_CACHE_ENTRIES } from "./exports-last.mjs";

const FUNCTIONS = V8_FIRST_CACHE_ENTRIES + 10;

/**
 * A module of FUNCTIONS functions `f<i>() -> i32` returning `i * 3`, except that `f0` returns
 * `f1() + 1` (a call, which must keep its target), exporting `f0` and `f<V8_FIRST_CACHE_ENTRIES>`:
 * two indices in the same slot of V8's number-to-string cache. It imports one function first, which
 * takes index 0: its own functions are numbered from 1.
 */
function moduleWithCollidingExports() {
  const module = new binaryen.Module();
  module.addFunctionImport("log", "env", "log", binaryen.none, binaryen.none);
  for (let i = 0; i < FUNCTIONS; i++) {
    const body =
      i === 0
        ? module.i32.add(module.call("f1", [], binaryen.i32), module.i32.const(1))
        : module.i32.const(i * 3);
    module.addFunction(`f${i}`, binaryen.none, binaryen.i32, [], body);
  }
  module.addFunctionExport("f0", "first");
  module.addFunctionExport(`f${V8_FIRST_CACHE_ENTRIES}`, "far");
  const bytes = module.emitBinary();
  module.dispose();
  return bytes;
}

const run = (bytes) => new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { log() {} } }).exports;

test("exports whose indices are equal modulo the cache size are found", () => {
  const wasm = moduleWithCollidingExports();
  assert.deepEqual(exportedFunctionIndices(wasm), [1, 129]);
  assert.deepEqual(exportIndexCollision(wasm), [1, 129]);
});

test("moving the exports last makes their indices consecutive and keeps the program", () => {
  const before = moduleWithCollidingExports();
  const after = exportsLast(before);
  assert.deepEqual(exportedFunctionIndices(after), [137, 138]);
  assert.equal(exportIndexCollision(after), null);
  const [old, moved] = [run(before), run(after)];
  assert.equal(moved.first(), 4);
  assert.equal(moved.first(), old.first());
  assert.equal(moved.far(), V8_FIRST_CACHE_ENTRIES * 3);
});
