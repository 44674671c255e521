// The embed page's own script (embed.html only: the prerender leaves it out of index.html, whose
// readers would download it for nothing). A classic deferred script, like the loader, and it
// needs no WebAssembly: the options and the height reports work while the app loads, and
// without it. docs/embedding.md.
(() => {
  const root = document.documentElement;

  // The options, read by the rules of the app's URL state (src/view_state.rs): exact words only,
  // the last one wins, a query over 256 characters is ignored whole; anything else is ignored,
  // silently. The stylesheet and the app's canvas follow the classes.
  const query = location.search.slice(1);
  let theme;
  for (const pair of query.length > 256 ? [] : query.split("&")) {
    if (/^theme=(dark|light)$/.test(pair)) theme = pair;
    if (/^plain(=1|=true)?$/.test(pair)) root.classList.add("plain");
  }
  if (theme) root.classList.add(theme.replace("=", "-"));

  // The content height, for the host page's script (js/embed.js) and for AMP's <amp-iframe>
  // ("embed-size"): now, whenever it changes (a resize, the table view, the app taking over) and
  // when the host script asks. The height is no secret: it goes to any origin.
  if (parent === window) return;
  let last = 0;
  const report = (again) => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last && !again) return;
    last = height;
    parent.postMessage({ type: "way-out:height", height }, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
  };
  if (self.ResizeObserver) new ResizeObserver(() => report()).observe(root);
  else report();
  addEventListener("message", (event) => {
    if (event.source === parent && event.data?.type === "way-out:measure") report(true);
  });
})();
