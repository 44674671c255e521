// Reading the wasm binary format, for the build tools that edit the release module
// (tools/short-imports.mjs, tools/exports-last.mjs).

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
