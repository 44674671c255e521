// The figure's actions from the keyboard in every engine: Share gives the reader the link (the
// system's share sheet where there is one, else the clipboard, else a box to copy by hand) and
// says so; Copy image puts the PNG on the clipboard; Full screen shows the figure alone, its Exit on the screen, and Escape leaves (or, where the browser cannot,
// the button is not there); Play the trend plays, or says it cannot.
import assert from "node:assert/strict";
import { waitUntil } from "../engines/processes.mjs";

const ROW = ".chart-actions";

/** In the page: focuses the row's button whose text is `name`, or that `name` selects (a
 * CSS selector in the row); whether it is there and shown. */
function focusButton(row, name) {
  const buttons = [...document.querySelectorAll(`${row} button`)];
  const button = name.startsWith(".") ? document.querySelector(`${row} button${name}`) : buttons.find((b) => b.textContent.trim() === name);
  if (!button || !button.checkVisibility()) return false;
  button.focus();
  return document.activeElement === button;
}

const state = () => ({
  status: document.querySelector(".action-status").textContent,
  // The box to copy the link by hand, made only on a refusal.
  byHand: document.querySelector(".share-link")?.hidden === false ? document.querySelector(".share-link").value : null,
  hasShareSheet: "share" in navigator,
  fullScreen: document.fullscreenElement?.className ?? null,
  canFullScreen: document.fullscreenEnabled,
  toggleShown: document.querySelector(`.chart-actions button.full-screen`).checkVisibility(),
  toggleName: [...document.querySelectorAll(".chart-actions button.full-screen span")]
    .filter((s) => s.checkVisibility())
    .map((s) => s.textContent)
    .join(""),
});

/** Waits until `holds(state)` is true in the page; returns that state. */
function stateWhen(engine, holds, what) {
  return waitUntil(
    async () => {
      const now = await engine.evaluate(state);
      return holds(now) && now;
    },
    { timeout: 5000, what },
  );
}

/** Focuses the row's button `name` and presses Enter, as a keyboard user does; returns the
 * state once the status line says what the button did. */
async function pressForStatus(engine, name) {
  assert.ok(await engine.evaluate(focusButton, ROW, name), `the ${name} button is there and takes the focus`);
  await engine.evaluate(() => (document.querySelector(".action-status").textContent = ""));
  await engine.press("Enter");
  return stateWhen(engine, (now) => now.status !== "", `the status line to say what ${name} did`);
}

/** Share, from the keyboard. Returns how the link reached the reader. */
export async function assertShare(engine) {
  const before = await engine.evaluate(state);
  // A share sheet is the system's own window, which no driver can close: where the engine has
  // one, this flow cannot run to its end here (none of the three has one on Linux).
  assert.equal(before.hasShareSheet, false, "this engine has a share sheet (navigator.share): the flow cannot close it");
  const after = await pressForStatus(engine, "Share");
  if (after.status === "Copied: the link to this view of the chart.") return "copied to the clipboard";
  assert.equal(after.status, "Copy the link below.");
  assert.match(after.byHand ?? "", /^http:\/\/127\.0\.0\.1:\d+\/$/, "the link shown to copy by hand");
  return "shown to copy by hand";
}

/** Copy image, from the keyboard: the PNG file on the clipboard, and the status says so. */
export async function assertCopyImage(engine) {
  const after = await pressForStatus(engine, "Copy image");
  assert.equal(after.status, "Copied: the chart as an image.");
}

/** In the page, in full screen: scrolls the figure to its top or its end; where Exit is. */
function exitOnScreen(end) {
  const figure = document.fullscreenElement;
  figure.scrollTop = end ? figure.scrollHeight : 0;
  const box = document.querySelector(".chart-actions button.full-screen").getBoundingClientRect();
  const onScreen = box.height > 0 && box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
  return { onScreen, top: box.top, bottom: box.bottom, screen: innerHeight };
}

/** Full screen from the keyboard, Exit on the screen wherever the figure is scrolled, and
 * Escape out of it. Returns what happened. */
export async function assertFullScreen(engine) {
  const before = await engine.evaluate(state);
  if (!before.canFullScreen) {
    assert.equal(before.toggleShown, false, "the browser cannot go full screen, yet the button shows");
    return "no full screen in this browser: no button";
  }
  assert.equal(before.toggleName, "Full screen");
  assert.ok(await engine.evaluate(focusButton, ROW, ".full-screen"), "the Full screen button takes the focus");
  await engine.press("Enter");
  const full = await stateWhen(engine, (now) => now.fullScreen === "chart-figure", "the figure to fill the screen");
  assert.equal(full.toggleName, "Exit full screen");
  for (const end of [false, true]) {
    const exit = await engine.evaluate(exitOnScreen, end);
    assert.ok(exit.onScreen, `Exit is on the screen with the figure scrolled to its ${end ? "end" : "top"}: ${JSON.stringify(exit)}`);
  }
  await engine.press("Escape");
  const left = await stateWhen(engine, (now) => now.fullScreen === null, "Escape to leave full screen");
  assert.equal(left.toggleName, "Full screen");
  return "entered, and left with Escape";
}

/** "Play the trend", from the keyboard: the tones play and the live region follows them to the
 * last point, or, where the engine has no sound (headless, no audio output), the status says so
 * in words. Either way the button reads "Play the trend" again at the end. Returns which. */
export async function assertPlayTheTrend(engine) {
  const sound = () => ({
    button: document.getElementById("sound-button").textContent,
    status: document.getElementById("sound-status").textContent,
    live: document.getElementById("chart-live").textContent,
  });
  assert.ok(await engine.evaluate(focusButton, ".chart-sound", "Play the trend"), "the Play button is there and takes the focus");
  await engine.press("Enter");
  const done = await waitUntil(
    async () => {
      const now = await engine.evaluate(sound);
      const over = now.button === "Play the trend" && (now.status !== "" || /Point 3 of 3\./.test(now.live));
      return over && now;
    },
    { timeout: 5000, what: "the sound to end, or the status to say it cannot play" },
  );
  if (done.status === "") return `played, the live region at "${done.live}"`;
  assert.equal(done.status, "Sound cannot play in this browser.");
  return "no sound here: the status says so";
}
