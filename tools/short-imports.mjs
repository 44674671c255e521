// Shortens the names wasm-bindgen gives the wasm's imports, in the wasm and in its JS glue.
// Each name is a JS function's name plus a 16-hex-digit hash ("__wbg_arc_df3f7eb77e59876f"),
// about 150 of them, written once in the wasm's import section and once in the glue: hashes do
// not compress. Here they become "a", "b", …, and the import module "./way-out_bg.js" becomes
// "w". Exports named with a Rust symbol hash (the closure trampolines: in legacy mangling
// "wasm_bindgen__convert__closures_____invoke__h04319d11c0c54dc8", in v0 mangling, which the
// release build's compiler uses, "wasm_bindgen_4103ee816b20e416___convert__closures_____invoke…"
// with crate hashes inside and often 200 characters long) become "h0", "h1", …; the others
// ("memory", "__wbindgen_start", …) keep their names.
//
//   shortenImports(wasmBytes, glueText) → { wasm, glue }
// Throws with a clear message if the glue does not name each import exactly once as an object
// key, and each renamed export only as `.name`: the shapes wasm-bindgen's web target writes
// (and esbuild's minifier keeps).

import { EXPORT_SECTION, IMPORT_SECTION, exportEntries, findSection, readUnsigned, unsigned } from "./wasm-binary.mjs";

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function name(text) {
  const bytes = utf8.encode(text);
  return [...unsigned(bytes.length), ...bytes];
}

/** Short names in order: a … z, A … Z, then two letters, and so on. */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let text = "";
  do {
    text = letters[index % letters.length] + text;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return text;
}

const NEW_MODULE = "w";

export function shortenImports(wasm, glue) {
  if (String.fromCharCode(...wasm.subarray(1, 4)) !== "asm") throw new Error("not a wasm module");
  const withShortImports = replaceSection(wasm, IMPORT_SECTION, (start, end) => {
    const renamed = new Map();
    let module = null;
    let [count, at] = readUnsigned(wasm, start);
    const entries = [...unsigned(count)];
    for (; count > 0; count--) {
      const [moduleLength, moduleStart] = readUnsigned(wasm, at);
      const moduleName = fromUtf8.decode(wasm.subarray(moduleStart, moduleStart + moduleLength));
      const [fieldLength, fieldStart] = readUnsigned(wasm, moduleStart + moduleLength);
      const field = fromUtf8.decode(wasm.subarray(fieldStart, fieldStart + fieldLength));
      // The import's kind and type, copied as they are.
      const kindStart = fieldStart + fieldLength;
      const kindEnd = skipImportDescription(wasm, kindStart);
      if (module !== null && moduleName !== module) {
        throw new Error(`imports from two modules (${module}, ${moduleName}): not wasm-bindgen's shape`);
      }
      module = moduleName;
      const short = shortName(renamed.size);
      renamed.set(field, short);
      entries.push(...name(NEW_MODULE), ...name(short), ...wasm.subarray(kindStart, kindEnd));
      at = kindEnd;
    }
    if (at !== end) throw new Error("the import section did not parse to its end");

    // The glue: the module key, then each import's key, exactly once each.
    const moduleKey = JSON.stringify(module);
    if (glue.split(`${moduleKey}:`).length !== 2) throw new Error(`the glue names the import module ${moduleKey} other than once`);
    glue = glue.replace(`${moduleKey}:`, `${NEW_MODULE}:`);
    for (const [field, short] of renamed) {
      const key = new RegExp(`([{,])${field.replace(/\$/g, "\\$")}:`, "g");
      const found = glue.match(key)?.length ?? 0;
      if (found !== 1) throw new Error(`the glue names the import ${field} ${found} times as a key`);
      glue = glue.replace(key, `$1${short}:`);
    }
    return entries;
  });
  if (!withShortImports) throw new Error("the wasm has no import section");
  return shortenHashedExports(withShortImports, glue);
}

const HASHED = /(__h|_)[0-9a-f]{16}(_|$)/;

function shortenHashedExports(wasm, glue) {
  const out = replaceSection(wasm, EXPORT_SECTION, (start, end) => {
    let [count, at] = readUnsigned(wasm, start);
    const entries = [...unsigned(count)];
    let renamed = 0;
    for (const entry of exportEntries(wasm, start)) {
      const exported = entry.name;
      let kept = exported;
      if (HASHED.test(exported)) {
        kept = `h${renamed++}`;
        const uses = glue.match(new RegExp(`(?<![\\w$])${exported}(?![\\w$])`, "g"))?.length ?? 0;
        const asProperty = new RegExp(`\\.${exported}(?![\\w$])`, "g");
        const properties = glue.match(asProperty)?.length ?? 0;
        if (uses === 0 || uses !== properties) {
          throw new Error(`the glue uses the export ${exported} ${uses} times, ${properties} as \`.${exported}\``);
        }
        glue = glue.replace(asProperty, `.${kept}`);
      }
      entries.push(...name(kept), ...wasm.subarray(entry.nameEnd, entry.end));
      at = entry.end;
    }
    if (at !== end) throw new Error("the export section did not parse to its end");
    return entries;
  });
  return { wasm: out ?? wasm, glue };
}

/**
 * The module with section `id`'s body replaced by `rewrite(bodyStart, bodyEnd)` (the new body's
 * bytes), or null if the module has no such section.
 */
function replaceSection(wasm, id, rewrite) {
  const section = findSection(wasm, id);
  if (!section) return null;
  const { offset, start, end } = section;
  const body = rewrite(start, end);
  const header = [id, ...unsigned(body.length)];
  const out = new Uint8Array(offset + header.length + body.length + (wasm.length - end));
  out.set(wasm.subarray(0, offset), 0);
  out.set(header, offset);
  out.set(body, offset + header.length);
  out.set(wasm.subarray(end), offset + header.length + body.length);
  return out;
}

/** The end of an import description (kind byte and its type) starting at `at`. */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0: // function: type index
      return readUnsigned(bytes, at)[1];
    case 1: {
      // table: reference type, limits
      return skipLimits(bytes, at + 1);
    }
    case 2: // memory: limits
      return skipLimits(bytes, at);
    case 3: // global: value type, mutability
      return at + 2;
    case 4: // tag: attribute, type index
      return readUnsigned(bytes, at + 1)[1];
    default:
      throw new Error(`unknown import kind ${kind}`);
  }
}

function skipLimits(bytes, at) {
  const flags = bytes[at++];
  at = readUnsigned(bytes, at)[1];
  if (flags & 1) at = readUnsigned(bytes, at)[1];
  return at;
}
