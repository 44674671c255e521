// Moves the wasm's exported functions to the end of its function list, so that their indices
// are consecutive.
//
// Why: V8 names every exported wasm function after its index ("577"), converting the number
// through its number-to-string cache. That cache starts at 128 entries and grows to its full
// size, 64 KB of JS heap, at its first collision: two numbers equal modulo 128. The linker
// scatters exports over the module, so most builds collide (three of the last five did), and
// the page then holds 64 KB more JS heap for nothing. Consecutive indices never collide.
// Measured on the release build (JS heap after GC, as ../shared/bench counts it):
// 1681 → 1618 KB.
//
//   exportsLast(wasmBytes) → wasmBytes      (optimize again afterwards: tools/minify.mjs)
//   exportIndexCollision(wasmBytes) → null, or the first two colliding function indices

import binaryen from "binaryen";

// What the release build uses (wasm-bindgen's externref table, bulk memory, saturating
// float-to-int conversions): binaryen refuses to read or write other features.
const FEATURES =
  binaryen.Features.MVP |
  binaryen.Features.MutableGlobals |
  binaryen.Features.NontrappingFPToInt |
  binaryen.Features.BulkMemory |
  binaryen.Features.BulkMemoryOpt |
  binaryen.Features.SignExt |
  binaryen.Features.ReferenceTypes |
  binaryen.Features.Multivalue;

/** The entries of V8's number-to-string cache before it grows to its full size. */
export const V8_FIRST_CACHE_ENTRIES = 128;

export function exportsLast(wasm) {
  const module = binaryen.readBinary(wasm);
  try {
    module.setFeatures(FEATURES);
    const exported = new Set();
    for (let i = 0; i < module.getNumExports(); i++) {
      const info = binaryen.getExportInfo(module.getExportByIndex(i));
      if (info.kind === binaryen.ExternalFunction) exported.add(info.value);
    }
    // Re-adding a function appends it; calls and exports refer to it by name, so the module
    // stays the same program.
    for (const name of exported) {
      const f = binaryen.getFunctionInfo(module.getFunction(name));
      module.removeFunction(name);
      module.addFunction(name, f.params, f.results, f.vars, f.body);
    }
    if (!module.validate()) throw new Error("the module is not valid after moving its exports");
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

/** The indices of the module's exported functions, in export order. */
export function exportedFunctionIndices(wasm) {
  const module = binaryen.readBinary(wasm);
  try {
    // A module's function index space is its imported functions, then its own, each in order;
    // binaryen reads (and writes) them in that order.
    const index = new Map();
    for (let i = 0; i < module.getNumFunctions(); i++) {
      index.set(binaryen.getFunctionInfo(module.getFunctionByIndex(i)).name, i);
    }
    const indices = [];
    for (let i = 0; i < module.getNumExports(); i++) {
      const info = binaryen.getExportInfo(module.getExportByIndex(i));
      if (info.kind === binaryen.ExternalFunction) indices.push(index.get(info.value));
    }
    return indices;
  } finally {
    module.dispose();
  }
}

export function exportIndexCollision(wasm) {
  const seen = new Map();
  for (const index of new Set(exportedFunctionIndices(wasm))) {
    const slot = index % V8_FIRST_CACHE_ENTRIES;
    if (seen.has(slot)) return [seen.get(slot), index];
    seen.set(slot, index);
  }
  return null;
}
