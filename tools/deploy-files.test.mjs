import { test } from "node:test";
import assert from "node:assert/strict";
import { cacheControl, compressible, headersFile, policyOf, sitePath } from "./deploy-files.mjs";
import { hashedName, renameReference } from "./hash-names.mjs";

test("each kind of built file gets its cache lifetime", () => {
  assert.equal(cacheControl("index.html"), "no-cache");
  assert.equal(cacheControl("embed.html"), "no-cache");
  assert.equal(cacheControl("way-out-0123456789abcdef_bg.wasm"), "public, max-age=31536000, immutable");
  assert.equal(cacheControl("main-0123456789abcdef.css"), "public, max-age=31536000, immutable");
  assert.equal(cacheControl("card-0123456789abcdef.png"), "public, max-age=31536000, immutable");
  // Trunk drops a hash's leading zeros: 15 digits in about 1 build in 16.
  assert.equal(cacheControl("main-91a4293443809aa.css"), "public, max-age=31536000, immutable");
  assert.equal(cacheControl("embed.js"), "public, max-age=300");
  assert.equal(cacheControl("oembed.json"), "public, max-age=300");
  // Not a hash: too short, or not hex.
  assert.equal(cacheControl("main-0123.css"), "public, max-age=300");
  assert.equal(cacheControl("main-0123456789abcdeg.css"), "public, max-age=300");
});

test("text files and the wasm are precompressed, pictures are not", () => {
  for (const name of ["index.html", "main-0123456789abcdef.css", "a.js", "oembed.json", "a_bg.wasm"]) {
    assert.ok(compressible(name), name);
  }
  for (const name of ["card-0123456789abcdef.png", "_headers", "a.js.gz"]) {
    assert.ok(!compressible(name), name);
  }
});

test("_headers: the policy, CORS, CORP and COEP once for the folder, one Cache-Control per file, the wasm's type", () => {
  const names = ["index.html", "way-out-0123456789abcdef_bg.wasm", "index.html.gz", "oembed.json", "_headers"];
  assert.equal(
    headersFile(names, { policy: "default-src 'self'", path: "/news/a/" }),
    [
      "# Response headers for Netlify and Cloudflare Pages, written by the release build",
      "# (tools/deploy-files.mjs; docs/deploy.md). Paths start at the site URL's path.",
      "/news/a/*",
      "  Content-Security-Policy: default-src 'self'",
      "  X-Content-Type-Options: nosniff",
      "  Access-Control-Allow-Origin: *",
      "  Cross-Origin-Resource-Policy: cross-origin",
      "  Cross-Origin-Embedder-Policy: require-corp",
      "/news/a/",
      "  Cache-Control: no-cache",
      "/news/a/index.html",
      "  Cache-Control: no-cache",
      "/news/a/oembed.json",
      "  Cache-Control: public, max-age=300",
      "/news/a/way-out-0123456789abcdef_bg.wasm",
      "  Cache-Control: public, max-age=31536000, immutable",
      "  Content-Type: application/wasm",
      "",
    ].join("\n"),
  );
  assert.throws(() => headersFile([], { policy: "x", path: "news/" }), /must start and end with \//);
});

test("the site path comes from the site URL", () => {
  assert.equal(sitePath(undefined), "/");
  assert.equal(sitePath(""), "/");
  assert.equal(sitePath("https://example.org"), "/");
  assert.equal(sitePath("https://example.org/news/2015/a-way-out"), "/news/2015/a-way-out/");
  assert.equal(sitePath("https://example.org/news/2015/a-way-out/"), "/news/2015/a-way-out/");
});

test("the policy is read from the page's <meta>", () => {
  const html = `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; base-uri 'none'"></head>`;
  assert.equal(policyOf(html), "default-src 'self'; base-uri 'none'");
  assert.throws(() => policyOf("<head></head>"), /no Content-Security-Policy/);
});

test("a copied file gets a content-hashed name, and the page's one reference follows", () => {
  // SHA-256 of "body{}" starts with 7c98040a54165758 (`printf body{} | sha256sum`).
  assert.equal(hashedName("noscript.css", Buffer.from("body{}")), "noscript-7c98040a54165758.css");
  const html = '<noscript><link rel="stylesheet" href="noscript.css"></noscript>';
  assert.equal(
    renameReference(html, "noscript.css", "noscript-7c98040a54165758.css"),
    '<noscript><link rel="stylesheet" href="noscript-7c98040a54165758.css"></noscript>',
  );
  // The loader finds js/actions.js by a <meta> of the page.
  assert.equal(
    renameReference('<meta name="way-out-actions" content="actions.js">', "actions.js", "actions-0123456789abcdef.js"),
    '<meta name="way-out-actions" content="actions-0123456789abcdef.js">',
  );
  assert.throws(() => renameReference("<p></p>", "noscript.css", "x.css"), /names noscript.css 0 times/);
  assert.throws(
    () => renameReference('<a href="noscript.css"></a><a href="./noscript.css"></a>', "noscript.css", "x.css"),
    /names noscript.css 2 times/,
  );
});
