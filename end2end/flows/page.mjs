// Opening the page and what it reports: the console (where the engine gives it) and the record
// kept by capture.js (every engine: errors, warnings, failed loads, policy violations).
import assert from "node:assert/strict";
import { chartIsInteractive } from "../shared.mjs";
import { isPolicyWithStyleHash } from "../serve.mjs";
import { waitUntil } from "../engines/processes.mjs";

/** Everything the page has reported since it was opened: the engine's console, capture.js's record. */
export async function reported(engine) {
  const captured = await engine.evaluate(() => (window.__capture ? window.__capture.messages : null));
  assert.ok(captured, "capture.js did not run in the page (served without the capture option?)");
  return [...engine.messages(), ...captured];
}

/** Opens `url` at `view` ({ width, height, scheme }) and waits until the app's canvas has taken over. */
export async function openInteractive(engine, url, view) {
  await engine.open(url, view);
  try {
    await waitUntil(() => engine.evaluate(chartIsInteractive), {
      timeout: 20_000,
      what: "the chart-interactive mark (the app's canvas taking over)",
    });
  } catch (error) {
    const notice = await engine.evaluate(() => document.getElementById("notice")?.textContent).catch(() => null);
    const messages = await reported(engine).catch((e) => [e.message]);
    throw new Error(`${error.message}\nnotice: ${notice}\nthe page reported:\n${messages.join("\n")}`);
  }
}

/**
 * The page loaded under the strict policy and has reported nothing: no console error or
 * warning, no uncaught error or rejection, no failed load, no policy violation, no notice.
 */
export async function assertClean(engine) {
  assert.deepEqual(await reported(engine), [], "the page reported errors, warnings or violations");
  const page = await engine.evaluate(() => ({
    policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
    notice: document.getElementById("notice").hidden ? null : document.getElementById("notice").textContent,
  }));
  assert.ok(isPolicyWithStyleHash(page.policy), `the page's own policy <meta>: ${page.policy}`);
  assert.equal(page.notice, null, "the page shows its notice");
}

/**
 * The policy is in force and a violation would be seen: an inline script is refused (it does
 * not run) and reported. Run last on a page: it leaves that violation in the record.
 */
export async function assertPolicyEnforced(engine) {
  const ran = await engine.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__inlineScriptRan = true;";
    document.head.append(script);
    return window.__inlineScriptRan === true;
  });
  assert.equal(ran, false, "an inline script ran: the policy is not in force");
  // capture.js must see it: in WebKit it is the only witness.
  await waitUntil(
    () => engine.evaluate(() => window.__capture.messages.some((m) => m.startsWith("policy violation:"))),
    { timeout: 5000, what: "capture.js to record the inline script's policy violation" },
  );
}

/**
 * Whether the page enforces Trusted Types (serve.mjs's /__strict/ pages, in an engine that
 * knows them): an HTML string written to `innerHTML` throws. Run last on a page: the refused
 * write is a policy violation, and stays in the record.
 */
export async function trustedTypesEnforced(engine) {
  return engine.evaluate(() => {
    try {
      document.createElement("div").innerHTML = "<b>probe</b>";
      return false;
    } catch {
      return true;
    }
  });
}
