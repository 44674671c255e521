// The host script of the embed code (docs/embedding.md): the one script a partner's page loads
// from us, at a stable URL (embed.js beside the article; never renamed, never hashed). It sizes
// each of our iframes to the content height its page reports. A message counts only if it comes
// from the window of one of our iframes (an iframe whose src is our embed page), from our origin
// (or from no origin, "null", where the host sandboxes that iframe without `allow-same-origin`),
// in our exact shape, with a sane height; anything else changes nothing. A classic script (no
// module: it runs on any host page) that leaves no global behind.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const page = new URL("embed.html", script.src);
  // Our embed page, with or without its options (?theme=dark&plain).
  const ours = (frame) => {
    try {
      const src = new URL(frame.src);
      return src.origin === page.origin && src.pathname === page.pathname;
    } catch {
      return false;
    }
  };
  const frames = () => [...document.getElementsByTagName("iframe")].filter(ours);

  // A sandboxed iframe's document has an opaque origin, which messages give as "null".
  const opaque = (frame) => frame.hasAttribute("sandbox") && !frame.sandbox.contains("allow-same-origin");
  const from = (event, frame) =>
    frame.contentWindow === event.source && event.origin === (opaque(frame) ? "null" : page.origin);

  addEventListener("message", (event) => {
    const data = event.data;
    if (
      typeof data !== "object" ||
      data === null ||
      Object.keys(data).length !== 2 ||
      data.type !== "way-out:height" ||
      typeof data.height !== "number" ||
      !(data.height >= 100 && data.height <= 10000)
    ) {
      return;
    }
    for (const frame of frames()) {
      if (!from(event, frame)) continue;
      // A host's `box-sizing: border-box` (`* { box-sizing: border-box }` is common) puts the
      // iframe's border and padding inside its height: add them, or the content scrolls.
      const style = getComputedStyle(frame);
      const sides = ["borderTopWidth", "borderBottomWidth", "paddingTop", "paddingBottom"];
      const extra = style.boxSizing === "border-box" ? sides.reduce((sum, side) => sum + parseFloat(style[side]), 0) : 0;
      // Through the style object, which a strict style-src allows (a style attribute it refuses).
      // Important: a theme's `iframe { height: auto !important }` would otherwise squash it.
      frame.style.setProperty("height", Math.ceil(data.height + extra) + "px", "important");
    }
  });

  // An iframe that reported before this script arrived reports again. To any origin: the request
  // says nothing, and an iframe still loading is not yet on ours.
  for (const frame of frames()) frame.contentWindow?.postMessage({ type: "way-out:measure" }, "*");
})();
