// The figure's actions few readers use: "Copy image", "Share", "Copy embed code" and "Full
// screen". js/loader.js imports this module on a reader's first approach to the figure's row of
// actions, so the other readers never download it (docs/build.md). The app works out what each
// action needs (src/interactive/actions.rs: the image file, the link, the embed code) and calls
// these through the loader; this module talks to the browser and says in the figure's status
// line what happened. No request leaves the page: nothing counts the copies or the shares.

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
  copyText(link, ".share-link", "Copied: the link to this view of the chart.", "Copy the link below.");
}

/** "Copy embed code": `code` to the clipboard, or shown to copy by hand. */
export function copyEmbedCode(code) {
  say("");
  copyText(code, ".embed-code", "Embed code copied to the clipboard.", "Copy the embed code below.");
}

/** "Full screen": the figure in full screen, or back. A refusal changes nothing. */
export function toggleFullScreen() {
  if (document.fullscreenElement) return leaveFullScreen();
  const figure = document.querySelector(".chart-figure");
  if (!figure) return;
  leaveOnEscape();
  settle(() => figure.requestFullscreen());
}

function leaveFullScreen() {
  settle(() => document.exitFullscreen());
}

// Esc leaves full screen. Browsers do that themselves for a key the reader presses; a key sent
// by software (assistive technology, automation, Chromium's headless mode) reaches only the page.
let listening = false;
function leaveOnEscape() {
  if (listening) return;
  listening = true;
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.fullscreenElement) leaveFullScreen();
  });
}

/** `text` to the clipboard, or, where the browser refuses, into the box `selector` to copy by hand. */
function copyText(text, selector, copied, byHand) {
  const box = document.querySelector(selector);
  const show = (shown) => {
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

/** Writes `text` in the figure's status line (a live region, and visible). */
function say(text) {
  const status = document.querySelector(".action-status");
  if (status) status.textContent = text;
}
