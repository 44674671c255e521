// Starts the app without an inline script (the page's Content-Security-Policy forbids them).
// Trunk preloads the JS glue (with integrity) and the wasm; the prerender hook moved the wasm's
// hash to `data-integrity` (Chromium ignores integrity on fetch preloads, with a warning). The
// fetch below carries that hash, so the browser checks it, and has the preload's mode, so the
// browser reuses the preload: one download.
// If the app cannot start, the prerendered article and static chart stay, and a notice says why.
//
// A classic deferred script (index.html), not a module: browsers refuse modules, and scripts
// with an integrity attribute, on a page opened from a file (file://), and this script must
// still run there to say so. It imports the app's glue, a module, with `import()`. Deferred
// like a module: it runs once the document is parsed. The function keeps its names local.
(() => {
  const root = document.documentElement;

  // The loader runs: this stops the stylesheet's timer for a page where no script of ours runs
  // (style/main.css, "needs-js").
  root.classList.add("js");

  // "?embed": only the figure. embed.html has the class from the start, and its own script for
  // its options and its height (js/embedded.js); this is the fallback.
  if (/(^|[?&])embed(=1|=true)?(&|$)/.test(location.search)) root.classList.add("embed");

  // In a frame (the embed, or the article where a site frames it), the page's history is its
  // host's too: the app then keeps the view out of the URL (src/interactive/url.rs).
  if (top !== self) root.classList.add("framed");

  // Where the page cannot show an element full screen (iPhone Safari; an <iframe> without
  // `allowfullscreen`), the figure's "Full screen" button goes (style/main.css).
  if (!document.fullscreenEnabled) root.classList.add("no-full-screen");

  function showNotice(why) {
    root.classList.add("no-app");
    const notice = document.getElementById("notice");
    if (notice) {
      notice.textContent =
        "The chart is not interactive: " + why + ". The chart below still shows every value.";
      notice.hidden = false;
    }
  }

  // The app's panic hook. A Rust panic stops the wasm with a trap (release builds abort at once,
  // without formatting a message: scripts/trunk), which reaches JavaScript as a
  // WebAssembly.RuntimeError thrown out of whatever called into the wasm: an event listener, a
  // timer, an observer or a promise job. It is logged, and the page stays readable: the notice
  // says so and the controls that need the app go.
  function onTrap(error) {
    if (error instanceof WebAssembly.RuntimeError) {
      console.error("way-out: the chart stopped working:", error);
      showNotice("it stopped working because of an error");
    }
  }
  addEventListener("error", (event) => onTrap(event.error));
  addEventListener("unhandledrejection", (event) => onTrap(event.reason));

  // The figure's actions few readers use ("Play the trend", "Copy image", "Share", "Copy embed
  // code", "Full screen") are a module of their own, js/actions.js, off every other reader's
  // first load (docs/build.md). It is imported on a reader's first approach to them (a pointer
  // over them, a touch, the focus), so that it is there by the press, and the action runs inside
  // it: Safari allows the clipboard, the share sheet and sound only there. The app runs them
  // through `wayOut.act` (src/interactive/actions.rs). The page names the module with its hash
  // (tools/hash-names.mjs).
  const actionsUrl = new URL(document.querySelector('meta[name="way-out-actions"]')?.content, location.href);
  let actions; // the module, once here
  let importing;
  const importActions = () =>
    (importing ??= import(actionsUrl.href).then(
      (module) => (actions = module),
      (error) => {
        importing = undefined; // the next press tries again
        throw error;
      },
    ));
  for (const row of document.querySelectorAll(".chart-actions, .chart-sound")) {
    for (const type of ["pointerover", "touchstart", "focusin"]) {
      row.addEventListener(type, () => importActions().catch(() => {}), { once: true, passive: true });
    }
  }
  window.wayOut = {
    act(action, argument) {
      const run = (module) => module[action](argument);
      // Once the module is here, in the press itself (not a promise's job later).
      if (actions) return void run(actions);
      importActions().then(run, () => {
        const status = document.querySelector(action === "playOrStop" ? "#sound-status" : ".action-status");
        if (status) status.textContent = "The page could not load what this button needs. Try again.";
      });
    },
  };

  // For the benchmark (../shared/bench, docs/build.md "Size and speed"): the chart a reader first sees
  // is the prerendered static one (the build always writes it, and the end-to-end tests check it),
  // painted in the page's first paint, so "chart-drawn" is that paint's time. The app marks
  // "chart-interactive" once the canvas has taken over. It starts once that first paint has been
  // shown (an animation frame can run before the frame is on screen), so hydrating never holds
  // back the article and the static chart; without paint timing, after the first frame.
  const firstPaint = new Promise((resolve) => {
    if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) {
      requestAnimationFrame(() => setTimeout(resolve));
      return;
    }
    new PerformanceObserver((paints, observer) => {
      const first = paints.getEntriesByName("first-contentful-paint")[0];
      if (first) {
        performance.mark("chart-drawn", { startTime: first.startTime });
        observer.disconnect();
        resolve();
      }
    }).observe({ type: "paint", buffered: true });
  });

  const glue = document.querySelector('link[rel="modulepreload"][href$=".js"]');
  const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]');

  // The script is deferred: it runs once the document is parsed, with its styles (inside the
  // page: tools/inline-css.mjs). The wasm and the glue download meanwhile (preloaded).

  if (location.protocol === "file:") {
    showNotice("it needs the page to be served, not opened as a file (scripts/serve)");
  } else if (typeof WebAssembly !== "object" || !WebAssembly.compileStreaming) {
    showNotice("this browser cannot run WebAssembly");
  } else if (!glue || !wasm) {
    showNotice("the page was built without its application files");
  } else {
    // Compiled while it downloads, where the host serves it as application/wasm (docs/deploy.md);
    // a host that does not (a bucket uploaded without types, a small dev server) still gets the
    // app, compiled once the download is complete.
    const compiled = fetch(wasm.href, { integrity: wasm.dataset.integrity, credentials: "same-origin" }).then(
      (response) =>
        /^application\/wasm\b/i.test(response.headers.get("Content-Type"))
          ? WebAssembly.compileStreaming(response)
          : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)),
    );
    Promise.all([import(glue.href), compiled, firstPaint])
      .then(([app, module]) => app.default({ module_or_path: module }))
      .then(() => {
        // A finger gives no approach before its tap: on a touch screen the actions' module
        // comes as soon as the app runs, after the chart (1.5 KB).
        if (matchMedia("(pointer: coarse)").matches) importActions().catch(() => {});
      })
      .catch(() => showNotice("its program could not be loaded"));
  }
})();
