// Reading the wasm binary format, for the build tools that edit the release module
// (tools/short-imports.mjs, tools/exports-last.mjs).

const fromUtf8 = new TextDecoder();

export const IMPORT_SECTION = 2;
export const EXPORT_SECTION = 7;

/** Reads an unsigned LEB128 number at `offset`: [value, next offset]. */
export function readUnsigned(bytes, offset) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, offset];
  }
}

/** `value` as unsigned LEB128 bytes. */
export function unsigned(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/**
 * Where section `id` is: `offset` of its id byte, `start` and `end` of its body; null if the
 * module has none.
 */
export function findSection(wasm, id) {
  let offset = 8;
  while (offset < wasm.length) {
    const [size, start] = readUnsigned(wasm, offset + 1);
    const end = start + size;
    if (wasm[offset] === id) return { offset, start, end };
    offset = end;
  }
  return null;
}

/**
 * The entries of an export section whose body starts at `start`, in order: each export's
 * `name`, where the name's bytes start (`nameStart`) and end (`nameEnd`: the kind byte follows),
 * its `kind` (0: function), its `index`, and where the entry ends (`end`).
 */
export function* exportEntries(wasm, start) {
  let [count, at] = readUnsigned(wasm, start);
  for (; count > 0; count--) {
    const [length, nameStart] = readUnsigned(wasm, at);
    const nameEnd = nameStart + length;
    const [index, end] = readUnsigned(wasm, nameEnd + 1);
    const name = fromUtf8.decode(wasm.subarray(nameStart, nameEnd));
    yield { name, nameStart, nameEnd, kind: wasm[nameEnd], index, end };
    at = end;
  }
}
