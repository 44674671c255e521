// The embed on a host that sandboxes it (serve.mjs's /__sandboxed/: an iframe with scripts only).
// Its document then has no origin of its own, so it loads even our files as cross-origin requests
// (CORS, docs/embedding.md). Its capture.js answers the host page's questions by message: the
// test cannot reach into that iframe.
import assert from "node:assert/strict";
import { waitUntil } from "../engines/processes.mjs";
import { reported } from "./page.mjs";
import { SANDBOXED_HOST_IFRAME_HEIGHT } from "../serve.mjs";

/** What the embed's iframe last said: its record, whether its app runs, its origin and height. */
async function askTheFrame(engine) {
  return engine.evaluate(() => {
    const answer = window.__capture.frames[0] ?? null;
    window.__capture.ask();
    return answer;
  });
}

/** The app runs in the sandboxed embed, our host script fits the iframe to it, nothing is reported. */
export async function assertSandboxedEmbed(engine, url, view) {
  await engine.open(new URL("__sandboxed/", url).href, view);
  let answer = null;
  await waitUntil(
    async () => {
      answer = await askTheFrame(engine);
      return answer?.interactive === true;
    },
    { timeout: 20_000, what: "the sandboxed embed's app to run (its chart-interactive mark)" },
  ).catch((error) => {
    throw new Error(`${error.message}\nits last answer: ${JSON.stringify(answer)}`);
  });
  assert.equal(answer.origin, "null", "the embed's iframe has an origin: it is not sandboxed");
  let sizes = null;
  await waitUntil(
    async () => {
      answer = await askTheFrame(engine);
      const iframe = await engine.evaluate(() => document.querySelector("iframe").getBoundingClientRect().height);
      sizes = { iframe, content: answer?.height };
      return sizes.iframe === sizes.content;
    },
    { timeout: 10_000, what: "the host script to fit the iframe to its content" },
  ).catch((error) => {
    throw new Error(`${error.message}: ${JSON.stringify(sizes)}`);
  });
  assert.deepEqual(answer.messages, [], "the embed reported errors, warnings or violations");
  assert.deepEqual(await reported(engine), [], "the host page reported errors, warnings or violations");
  return sizes.iframe;
}

/**
 * WebKit before its fix for bug 316847 (WebKitGTK 2.50) resolves a policy's 'self' against a
 * sandboxed document's opaque origin, where it matches nothing: no script of ours runs in the
 * iframe (nor capture.js, so it never answers). The prerendered figure stands in, at the embed
 * code's fallback height, which shows it whole at every width (end2end/tests/embed.spec.mjs).
 * Fails once the engine runs the embed: then it is fixed, and assertSandboxedEmbed applies.
 */
export async function assertSandboxedEmbedStatic(engine, url, view) {
  await engine.open(new URL("__sandboxed/", url).href, view);
  const pause = (ms) => engine.evaluate((ms) => new Promise((done) => setTimeout(done, ms)), ms);
  await pause(3000);
  await askTheFrame(engine);
  await pause(1000);
  assert.equal(await askTheFrame(engine), null, "the sandboxed embed runs scripts: this engine has the fix");
  const iframe = await engine.evaluate(() => document.querySelector("iframe").getBoundingClientRect().height);
  assert.equal(iframe, SANDBOXED_HOST_IFRAME_HEIGHT, "the iframe left the embed code's height");
  assert.deepEqual(await reported(engine), [], "the host page reported errors, warnings or violations");
}
