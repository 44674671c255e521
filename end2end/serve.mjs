// A minimal static server for the built app (no dependencies): the release build in ../dist,
// served on 127.0.0.1 as a careful host would: the strict Content-Security-Policy, gzip, and
// revalidated caching.
//   node serve.mjs [dir] [port] [--capture]     (port 0 or none: a free port; it prints the URL)
// or from a test: `await startServer({ root, port: 0, capture: true })`.
//
// `capture` is for the cross-engine reader flows only (engines.mjs): every HTML page gets
// `<script src="/__capture.js">` first in its <head>, which records console errors and
// warnings, errors, failed loads and policy violations where the test can read them
// (capture.js; WebKit's WebDriver gives no console), `/__static/…` serves the same pages
// with the wasm refused, to see the static chart that stands in without the app, and
// `/__noloader/…` serves them with the loader refused (a bad deploy, a blocking extension),
// `/__strict/…` serves them as a stricter host would, with Trusted Types enforced too, and
// `/__sandboxed/` is a host page with the embed code in an iframe sandboxed with scripts only.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { EVERY_RESPONSE, policyOf } from "../tools/deploy-files.mjs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The page's policy as index.html's template writes it. The build adds one hash to `style-src`,
 * the hash of the stylesheet it writes into the page (tools/inline-css.mjs). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";

/** Whether `policy` is CONTENT_SECURITY_POLICY with the hash of one stylesheet added. */
export function isPolicyWithStyleHash(policy) {
  const hashes = policy.match(/ 'sha256-[A-Za-z0-9+/]{43}='/g) ?? [];
  return hashes.length === 1 && policy.replace(hashes[0], "") === CONTENT_SECURITY_POLICY;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
};

const CAPTURE_SCRIPT = fileURLToPath(new URL("capture.js", import.meta.url));
const CAPTURE_TAG = '<script src="/__capture.js"></script>';
const STATIC_PREFIX = "/__static/";
const NO_LOADER_PREFIX = "/__noloader/";
const STRICT_PREFIX = "/__strict/";
const SANDBOXED_HOST = "/__sandboxed/";
/** The iframe's height there before our host script sizes it (the embed code's fallback). */
export const SANDBOXED_HOST_IFRAME_HEIGHT = 1290;
/** A partner's page whose CMS sandboxes embeds: our iframe, with scripts only, and embed.js. */
const SANDBOXED_HOST_PAGE =
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${CAPTURE_TAG}` +
  `<link rel="icon" href="data:,"><title>A sandboxing host</title></head><body><p>The host's words.</p>` +
  `<iframe sandbox="allow-scripts" src="/embed.html" title="The chart" width="100%" ` +
  `height="${SANDBOXED_HOST_IFRAME_HEIGHT}" frameborder="0"></iframe>` +
  `<script src="/embed.js" async></script></body></html>`;
/** What a stricter host adds to the page's policy: no string may reach an HTML or script sink. */
export const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types 'none'";

/** The file a request path names under `root`, or null if it is outside it. */
function fileFor(root, path) {
  const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
  return file === root || file.startsWith(root + sep) ? file : null;
}

/**
 * Serves `root` on 127.0.0.1:`port` (0: a free one). Resolves once it listens, to its `url`
 * (with the trailing slash), `port` and `close()`, which also ends open connections.
 */
export function startServer({ root, port = 0, capture = false }) {
  root = resolve(root);
  // The policy of the built page's <meta>, as a header too, as `_headers` has hosts send it.
  const policy = policyOf(readFileSync(join(root, "index.html"), "utf8"));
  const server = createServer(async (request, response) => {
    // A malformed request (a bad percent escape, an unparsable URL) gets 400, not a crash.
    let path;
    try {
      // Repeated slashes merged, as nginx does by default (`//x` would read as a host here).
      const merged = request.url.replace(/^[^?]*/, (target) => target.replace(/\/{2,}/g, "/"));
      path = decodeURIComponent(new URL(merged, "http://localhost").pathname);
    } catch {
      response.writeHead(400, { "Content-Type": "text/plain" }).end("bad request");
      return;
    }
    let body;
    let type;
    let strict = false;
    try {
      if (capture && path === "/__capture.js") {
        body = await readFile(CAPTURE_SCRIPT);
        type = TYPES[".js"];
      } else if (capture && path === SANDBOXED_HOST) {
        body = Buffer.from(SANDBOXED_HOST_PAGE);
        type = TYPES[".html"];
      } else {
        const withoutApp = capture && path.startsWith(STATIC_PREFIX);
        if (withoutApp) path = path.slice(STATIC_PREFIX.length - 1);
        const withoutLoader = capture && path.startsWith(NO_LOADER_PREFIX);
        if (withoutLoader) path = path.slice(NO_LOADER_PREFIX.length - 1);
        strict = capture && path.startsWith(STRICT_PREFIX);
        if (strict) path = path.slice(STRICT_PREFIX.length - 1);
        const file = fileFor(root, path);
        if (!file) {
          response.writeHead(403).end();
          return;
        }
        if (withoutApp && extname(file) === ".wasm") throw new Error("refused");
        if (withoutLoader && /\/loader-[^/]*\.js$/.test(file)) throw new Error("refused");
        body = await readFile(file);
        type = TYPES[extname(file)] ?? "application/octet-stream";
        if (capture && extname(file) === ".html") {
          body = Buffer.from(String(body).replace(/<head\b[^>]*>/i, (head) => head + CAPTURE_TAG));
        }
      }
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    const headers = {
      "Content-Type": type,
      // Two policies in one header, comma-separated: a page must satisfy both.
      "Content-Security-Policy": strict ? `${policy}, ${TRUSTED_TYPES}` : policy,
      "Cache-Control": "no-cache",
      Vary: "Accept-Encoding",
      // As `_headers` has hosts send them (tools/deploy-files.mjs): nosniff, CORS, CORP, COEP.
      ...EVERY_RESPONSE,
    };
    if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      body = gzipSync(body, { level: 9 });
      headers["Content-Encoding"] = "gzip";
    }
    response.writeHead(200, headers);
    response.end(body);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port } = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

// Run as a program: node serve.mjs [dir] [port] [--capture]
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2).filter((arg) => arg !== "--capture");
  const root = args[0] ?? fileURLToPath(new URL("../dist", import.meta.url));
  const server = await startServer({
    root,
    port: Number(args[1] ?? 0),
    capture: process.argv.includes("--capture"),
  });
  console.log(`serving ${resolve(root)} on ${server.url}`);
}
