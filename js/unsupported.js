// Runs only in browsers without JavaScript modules (<script nomodule>), which cannot run the
// app either: the prerendered article and chart stay, and the notice says why.
(function () {
  var notice = document.getElementById("notice");
  document.documentElement.className += " no-app";
  if (notice) {
    notice.textContent =
      "The chart is not interactive: this browser is too old to run it. The chart below still shows every value.";
    notice.removeAttribute("hidden");
  }
})();
