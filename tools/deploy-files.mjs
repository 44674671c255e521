// What a static host or CDN needs besides the built files, written into the built folder by the
// release build (scripts/post-build, last):
// - `name.gz` and `name.br` beside every text file and the wasm (that they make smaller),
//   compressed once at the highest levels (zlib 9, brotli 11), which a server sends as they are
//   (nginx's gzip_static and brotli_static) instead of compressing each response at a lower one;
// - `_headers`, the response headers in the syntax Netlify and Cloudflare Pages read from the
//   folder they publish: the page's Content-Security-Policy, CORS and CORP, and a Cache-Control
//   per file.
// deploy/nginx/ sends the same headers; docs/deploy.md explains both.
//   node tools/deploy-files.mjs <dir>     (the paths in _headers start with WAY_OUT_SITE_URL's
//                                          path, e.g. /news/2015/a-way-out/; without it, /)

import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A year, for files whose name changes with their bytes; HTML revalidated on every visit. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";
/** Files whose name never changes (embed.js, oembed.json), which others link to: five minutes. */
export const SHORT = "public, max-age=300";

/** Trunk's and tools/hash-names.mjs's names: `name-<hash>.ext` (`_bg.wasm` too). Trunk writes its 64-bit hash
 * without leading zeros, so a name has 16 hex digits or (1 in 16 builds) fewer. */
const HASHED = /-[0-9a-f]{8,16}(?:_bg)?\.[a-z0-9]+$/;
const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|svg|txt|csv|xml|wasm)$/;

/** The Cache-Control for a built file. */
export function cacheControl(name) {
  if (name.endsWith(".html")) return REVALIDATE;
  if (HASHED.test(name)) return IMMUTABLE;
  return SHORT;
}

/**
 * The headers of every response besides the policy (the test server sends them too):
 * - no type sniffing;
 * - any origin may read the files (CORS), as GitHub Pages allows: they are public and fetched
 *   without credentials. A partner may sandbox the embed's iframe without `allow-same-origin`;
 *   its document then has no origin of its own, and even our glue, wasm, scripts with integrity
 *   and the PNG that "Copy image" fetches are cross-origin requests made with CORS (so are
 *   oembed.json and the CSV fetched from other sites);
 * - a partner's page that isolates itself (`Cross-Origin-Embedder-Policy`) may load every file
 *   (CORP), and our pages take the strict embedder policy, which a nested document needs there
 *   (every file they load is our own).
 */
export const EVERY_RESPONSE = {
  "X-Content-Type-Options": "nosniff",
  "Access-Control-Allow-Origin": "*",
  "Cross-Origin-Resource-Policy": "cross-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

/** The files a server may send compressed (not PNG: already compressed). */
export function compressible(name) {
  return COMPRESSIBLE.test(name);
}

/**
 * The `_headers` file for the built files `names` served under `path` (starting and ending with
 * `/`): the policy and EVERY_RESPONSE on every response, one Cache-Control per file (Netlify
 * and Cloudflare join the values of a header that several matching rules set, so each file is
 * named by exactly one rule that sets it), the folder's own URL as its index.html.
 */
export function headersFile(names, { policy, path = "/" }) {
  if (!path.startsWith("/") || !path.endsWith("/")) throw new Error(`site path ${path}: must start and end with /`);
  const rules = [
    "# Response headers for Netlify and Cloudflare Pages, written by the release build",
    "# (tools/deploy-files.mjs; docs/deploy.md). Paths start at the site URL's path.",
    `${path}*`,
    `  Content-Security-Policy: ${policy}`,
    ...Object.entries(EVERY_RESPONSE).map(([name, value]) => `  ${name}: ${value}`),
    path,
    `  Cache-Control: ${REVALIDATE}`,
  ];
  for (const name of [...names].sort()) {
    if (name === "_headers" || /\.(?:gz|br)$/.test(name)) continue;
    rules.push(`${path}${name}`, `  Cache-Control: ${cacheControl(name)}`);
    if (name.endsWith(".wasm")) rules.push("  Content-Type: application/wasm");
  }
  return rules.join("\n") + "\n";
}

/** The policy index.html ships in its `<meta http-equiv>`, sent as a header too. */
export function policyOf(html) {
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  if (!policy) throw new Error("index.html has no Content-Security-Policy <meta>");
  return policy.replaceAll("&#39;", "'").replaceAll("&apos;", "'");
}

/** The path of the folder URL `site` (WAY_OUT_SITE_URL, checked by the prerenderer), or `/`. */
export function sitePath(site) {
  if (!site) return "/";
  const path = new URL(site).pathname;
  return path.endsWith("/") ? path : `${path}/`;
}

/**
 * Writes `name.gz` and `name.br` beside `path`, each only if smaller than the file (a tiny file,
 * such as noscript.css's 24 bytes, grows: the server then sends it as it is).
 */
function precompress(path) {
  const bytes = readFileSync(path);
  const mode = path.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT;
  const twins = {
    gz: gzipSync(bytes, { level: 9 }),
    br: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: mode,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  };
  for (const [extension, compressed] of Object.entries(twins)) {
    if (compressed.length < bytes.length) writeFileSync(`${path}.${extension}`, compressed);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("deploy-files: give the built folder");
    process.exit(1);
  }
  try {
    const names = readdirSync(dir).filter(
      (name) => statSync(join(dir, name)).isFile() && !/\.(?:gz|br)$/.test(name) && name !== "_headers",
    );
    for (const name of names.filter(compressible)) precompress(join(dir, name));
    const policy = policyOf(readFileSync(join(dir, "index.html"), "utf8"));
    const path = sitePath(process.env.WAY_OUT_SITE_URL);
    writeFileSync(join(dir, "_headers"), headersFile(names, { policy, path }));
  } catch (error) {
    console.error(`deploy-files: ${error.message}`);
    process.exit(1);
  }
}
