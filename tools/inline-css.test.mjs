import { test } from "node:test";
import assert from "node:assert/strict";
import { inlineStylesheet, linkedStylesheet, styleHash } from "./inline-css.mjs";

const PAGE =
  `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; img-src 'self'">` +
  `<link rel="stylesheet" href="./main-91a4293443809aa.css"/><link rel="modulepreload" href="./a.js"></head>`;

test("the hash is the one a browser computes for the element's text", () => {
  // printf 'p{color:red}' | openssl dgst -sha256 -binary | base64
  assert.equal(styleHash("p{color:red}"), "'sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64='");
});

test("the link becomes a <style> element, allowed by its hash, in place", () => {
  assert.equal(linkedStylesheet(PAGE), "main-91a4293443809aa.css");
  assert.equal(
    inlineStylesheet(PAGE, "p{color:red}"),
    `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' ` +
      `'sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64='; img-src 'self'">` +
      `<style>p{color:red}</style><link rel="modulepreload" href="./a.js"></head>`,
  );
});

test("a page without its one link or policy, or a stylesheet that would end the element, fails", () => {
  assert.throws(() => linkedStylesheet("<head></head>"), /found 0/);
  assert.throws(() => linkedStylesheet(PAGE + PAGE), /found 2/);
  assert.throws(() => inlineStylesheet(PAGE.replace("style-src 'self'; ", ""), "p{}"), /found 0/);
  assert.throws(() => inlineStylesheet(PAGE, 'p::after{content:"</style>"}'), /<\/style/);
  // `$&` in the CSS is text, not a replacement pattern.
  assert.match(inlineStylesheet(PAGE, 'p::after{content:"$&"}'), /<style>p::after\{content:"\$&"\}<\/style>/);
});
