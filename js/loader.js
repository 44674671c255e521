// Starts the app without an inline script (the page's Content-Security-Policy forbids them).
// Trunk preloads the JS glue (with integrity) and the wasm; the prerender hook moved the wasm's
// hash to `data-integrity` (Chromium ignores integrity on fetch preloads, with a warning). The
// fetch below carries that hash, so the browser checks it, and has the preload's mode, so the
// browser reuses the preload: one download.
// If the app cannot start, the prerendered article and static chart stay, and a notice says why.

// "?embed": only the figure. embed.html has the class from the start; this is the fallback.
if (/(^|[?&])embed(=1|=true)?(&|$)/.test(location.search)) {
  document.documentElement.classList.add("embed");
}

function showNotice(why) {
  document.documentElement.classList.add("no-app");
  const notice = document.getElementById("notice");
  if (notice) {
    notice.textContent =
      "The chart is not interactive: " + why + ". The article and the chart, with every value, are complete below.";
    notice.hidden = false;
  }
}

const glue = document.querySelector('link[rel="modulepreload"][href$=".js"]');
const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]');

if (typeof WebAssembly !== "object") {
  showNotice("this browser cannot run WebAssembly");
} else if (!glue || !wasm) {
  showNotice("the page was built without its application files");
} else {
  import(glue.href)
    .then((app) =>
      app.default({
        module_or_path: fetch(wasm.href, { integrity: wasm.dataset.integrity, credentials: "same-origin" }),
      }),
    )
    .catch(() => showNotice("its WebAssembly module could not be loaded"));
}
