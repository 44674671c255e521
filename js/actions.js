// The figure's actions few readers use: "Play the trend", "Copy image", "Share", "Copy embed
// code" and "Full screen". js/loader.js imports this module on a reader's first approach to
// them, so the other readers never download it (docs/build.md). The app works out what each
// action needs (src/interactive/actions.rs: the image file, the link, the embed code; the tones
// are on the chart's island, made at build time) and calls these through the loader; this
// module talks to the browser and says in words what happened. No request leaves the page:
// nothing counts the copies or the shares.

const CANNOT_COPY_IMAGE =
  "The browser did not copy the image; “Download image (PNG)” saves it instead.";

/** "Copy image": the PNG at `file` (beside the page, made at build time) to the clipboard. */
export function copyImage(file) {
  say("");
  if (!window.ClipboardItem || !canWriteClipboard()) return say(CANNOT_COPY_IMAGE);
  // The item gets a promise of the PNG at once, still inside the reader's click (Safari allows
  // the clipboard only there); the file arrives meanwhile.
  const png = fetch(file).then((response) =>
    response.ok ? response.blob() : Promise.reject(new Error(file)),
  );
  png.catch(() => {}); // settled below, or never asked for if the item is refused
  settle(
    () => navigator.clipboard.write([new ClipboardItem({ "image/png": png })]),
    () => say("Copied: the chart as an image."),
    () => say(CANNOT_COPY_IMAGE),
  );
}

/** "Share": `link` to the system's share sheet, or else to the clipboard, or else shown. */
export function share(link) {
  say("");
  if (!navigator.share) return copyLink(link);
  settle(
    () => navigator.share({ title: document.title, url: link }),
    () => {},
    // The reader closed the sheet: nothing to say. Refused (no sheet for this page, a denied
    // permission): copying still works.
    (error) => error?.name !== "AbortError" && copyLink(link),
  );
}

function copyLink(link) {
  copyText(link, SHARE_LINK, "Copied: the link to this view of the chart.", "Copy the link below.");
}

// "Copied: the link to this view" is stale once the reader changes the view: a press on the
// chart's switches clears the status line.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest(".chart-controls")) say("");
});

/** "Copy embed code": `code` to the clipboard, or shown to copy by hand. */
export function copyEmbedCode(code) {
  say("");
  copyText(code, EMBED_CODE, "Embed code copied to the clipboard.", "Copy the embed code below.");
}

// Back where the reader was: Chromium clamps the page's scroll while the figure fills the screen
// (the page is shorter then) and leaves it at the top, with the focused button out of view.
let scrollBeforeFullScreen = null;
document.addEventListener("fullscreenchange", () => {
  if (document.fullscreenElement || scrollBeforeFullScreen === null) return;
  scrollTo(scrollX, scrollBeforeFullScreen);
  scrollBeforeFullScreen = null;
});

/** "Full screen": the figure in full screen, or back. A refusal changes nothing. */
export function toggleFullScreen() {
  if (document.fullscreenElement) return leaveFullScreen();
  const figure = document.querySelector(".chart-figure");
  if (!figure) return;
  scrollBeforeFullScreen = scrollY;
  settle(() => figure.requestFullscreen());
}

function leaveFullScreen() {
  settle(() => document.exitFullscreen());
}

// Esc leaves full screen. Browsers do that themselves for a key the reader presses; a key sent
// by software (assistive technology, automation, Chromium's headless mode) reaches only the page.
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && document.fullscreenElement) leaveFullScreen();
});

// The boxes that show a text to copy by hand where the clipboard refuses, made on the first
// refusal (few readers meet one), after the embed options.
const SHARE_LINK = { className: "share-link", rows: 2, label: "Link to this view" };
const EMBED_CODE = { className: "embed-code", rows: 3, label: "Embed code" };

/** `text` to the clipboard, or, where the browser refuses, into the box of `kind` to copy by hand. */
function copyText(text, kind, copied, byHand) {
  const show = (shown) => {
    let box = document.querySelector(`textarea.${kind.className}`);
    if (!box && shown) {
      box = Object.assign(document.createElement("textarea"), { className: kind.className, rows: kind.rows, readOnly: true });
      box.setAttribute("aria-label", kind.label);
      document.querySelector(".embed-options")?.after(box);
    }
    if (!box) return;
    box.textContent = shown ? text : "";
    box.hidden = !shown;
  };
  settle(
    () => (canWriteClipboard() ? navigator.clipboard.writeText(text) : Promise.reject()),
    () => (say(copied), show(false)),
    () => (say(byHand), show(true)),
  );
}

// Whether the page may write the clipboard: the browser has the API and, where it says so ahead
// (Chromium's `document.featurePolicy`), the frame is allowed it. In a partner's iframe without
// `allow="clipboard-write"` Chromium would refuse the call with an error in the console; asked
// first, the reader just gets the text to copy by hand.
function canWriteClipboard() {
  const policy = document.featurePolicy;
  return !!navigator.clipboard && policy?.allowsFeature?.("clipboard-write") !== false;
}

// ---- "Play the trend" (docs/sound-and-text.md) ----
// The series as tones on the Web Audio clock (no audio files), one per point, as the build wrote
// them on the chart's island. Nothing sounds, and no audio context exists, before the reader
// presses the button: the context is made in the press. As each tone starts, the island hears
// which point it is (a `way-out-tone` event, read by src/interactive/sound.rs), so the
// selection, and with it the marker, the tooltip, the table row and the live region, moves with
// the sound. A second press or Escape stops it.

const PLAY = "Play the trend";
const STOP = "Stop";
const CANNOT_PLAY = "Sound cannot play in this browser.";
// Each tone's loudness (of full scale), and how long it fades in and out (s): no clicks.
const LEVEL = 0.2;
const FADE = 0.02;
// How long the audio may take to start before the status says it cannot (ms).
const START_LIMIT = 1000;

const sound = { context: null, run: 0, playing: false, started: false, tones: [], timers: [] };

/** Starts playing the series, or stops it if it is playing. */
export function playOrStop() {
  if (sound.playing) return stopSound();
  try {
    sound.context ??= new AudioContext();
  } catch {
    return saySound(CANNOT_PLAY);
  }
  const run = ++sound.run;
  sound.started = false;
  saySound("");
  showPlaying(true);
  // A browser may leave the audio suspended without refusing: say so after a while instead of
  // waiting for ever.
  setTimeout(() => {
    if (sound.run === run && !sound.started) {
      stopSound();
      saySound(CANNOT_PLAY);
    }
  }, START_LIMIT);
  const { context } = sound;
  const schedule = () => {
    if (sound.run !== run) return; // stopped while the audio was starting
    if (context.state === "running") scheduleTones(context);
    else failed();
  };
  const failed = () => {
    if (sound.run !== run) return;
    stopSound();
    saySound(CANNOT_PLAY);
  };
  settle(() => context.resume(), schedule, failed);
}

/** One tone per point on the audio clock, and a timer per tone that selects its point. */
function scheduleTones(context) {
  // Made at build time (src/chart/sonify.rs): each point's pitch (Hz) and start (ms), each
  // tone's length (ms), and how long before its tone a point is selected (ms).
  const { pitches, starts, tone, lead } = JSON.parse(island().dataset.tones);
  const now = context.currentTime;
  // From nothing, so that the first point is announced even if it was selected.
  select(null);
  pitches.forEach((pitch, index) => {
    const oscillator = playTone(context, pitch, now + starts[index] / 1000, tone / 1000);
    if (oscillator) sound.tones.push(oscillator);
    sound.timers.push(setTimeout(() => select(index), starts[index] - lead));
  });
  sound.timers.push(setTimeout(stopSound, starts[starts.length - 1] + tone));
  sound.started = true;
}

/** A sine tone of `pitch` Hz from `at` (audio clock, s), `length` s long, faded in and out. */
function playTone(context, pitch, at, length) {
  const end = at + length;
  try {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = pitch;
    const gain = context.createGain();
    const level = gain.gain;
    level.value = 0;
    level.setValueAtTime(0, at);
    level.linearRampToValueAtTime(LEVEL, at + FADE);
    level.setValueAtTime(LEVEL, end - FADE);
    level.linearRampToValueAtTime(0, end);
    oscillator.connect(gain);
    gain.connect(context.destination);
    oscillator.start(at);
    oscillator.stop(end);
    return oscillator;
  } catch {
    return null;
  }
}

/** Stops the tones and the moving selection; the selection stays where the sound was. */
function stopSound() {
  sound.run += 1;
  for (const oscillator of sound.tones.splice(0)) settle(() => oscillator.stop());
  for (const timer of sound.timers.splice(0)) clearTimeout(timer);
  showPlaying(false);
}

/** The player's state and the button's text (what pressing it does next), in step. */
function showPlaying(playing) {
  sound.playing = playing;
  const button = document.getElementById("sound-button");
  if (button) button.textContent = playing ? STOP : PLAY;
}

const island = () => document.getElementById("chart-island");

function select(point) {
  island().dispatchEvent(new CustomEvent("way-out-tone", { detail: point }));
}

// Escape in the chart's island stops the sound, and only that: the marker stays where the sound
// was (the app's Escape, on the document, closes it at the next press).
island()?.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && sound.playing) {
    stopSound();
    event.stopPropagation();
  }
});

/** Writes the sound's status, beside its button (prerendered empty). */
const saySound = (text) => say(text, "#sound-status");

// ---- shared ----

/** Runs `start` (a browser call that returns a promise, or throws) and then one of the two. */
function settle(start, done = () => {}, failed = () => {}) {
  let promise;
  try {
    promise = Promise.resolve(start());
  } catch (error) {
    promise = Promise.reject(error);
  }
  promise.then(done, failed);
}

/** Writes `text` in the status `selector` names: by default the figure's status line (a live
 * region, and visible). */
function say(text, selector = ".action-status") {
  const status = document.querySelector(selector);
  if (status) status.textContent = text;
}
