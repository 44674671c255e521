// Test only: served as /__capture.js by serve.mjs under its `capture` option (the cross-engine
// reader flows, engines.mjs), first in every page's <head>, so it runs before anything else.
// It records into `window.__capture` what the page reports and a WebDriver session cannot read
// (WebKit's WebDriver has no console): console.error and console.warn, uncaught errors, failed
// loads of scripts, styles and preloads (their error events do not bubble: caught in the capture
// phase), unhandled promise rejections and Content-Security-Policy violations. A classic,
// same-origin script, so the page's policy (script-src 'self') allows it.
(function () {
  "use strict";
  var capture = (window.__capture = { messages: [], chartBoxBeforeApp: null });
  function record(text) {
    capture.messages.push(text);
  }
  function describe(value) {
    if (value instanceof Error) return value.name + ": " + value.message;
    try {
      return typeof value === "object" ? JSON.stringify(value) : String(value);
    } catch (error) {
      return String(value);
    }
  }
  ["error", "warn"].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      record("console." + level + ": " + Array.prototype.map.call(arguments, describe).join(" "));
      return original.apply(this, arguments);
    };
  });
  addEventListener(
    "error",
    function (event) {
      if (event instanceof ErrorEvent) {
        record("error: " + event.message + " (" + event.filename + ":" + event.lineno + ")");
      } else if (event.target && event.target !== window) {
        var element = event.target;
        record("failed to load: <" + element.localName + "> " + (element.src || element.href || ""));
      }
    },
    true,
  );
  addEventListener("unhandledrejection", function (event) {
    record("unhandled rejection: " + describe(event.reason));
  });
  addEventListener(
    "securitypolicyviolation",
    function (event) {
      record("policy violation: " + event.violatedDirective + " blocked " + (event.blockedURI || "inline"));
    },
    true,
  );
  // Where the prerendered (static) chart stood just before the app started: when the wasm is
  // instantiated (the loader starts it after the first paint, so the page is styled by then;
  // at DOMContentLoaded WebKit may not have applied the stylesheet yet). The flows check that
  // the canvas takes over in exactly that place.
  function recordChartBox() {
    var box = document.getElementById("chart");
    if (!box || capture.chartBoxBeforeApp) return;
    var rect = box.getBoundingClientRect();
    capture.chartBoxBeforeApp = {
      x: rect.left + scrollX,
      y: rect.top + scrollY,
      width: rect.width,
      height: rect.height,
    };
  }
  // A page in an iframe (serve.mjs's /__sandboxed/ host page holds the embed in a sandbox, with
  // an origin of its own that the test cannot read) answers its parent's "capture:ask" with its
  // record and whether its app runs; the parent keeps the answers in `__capture.frames`.
  capture.frames = [];
  capture.ask = function () {
    capture.frames = [];
    Array.prototype.forEach.call(document.querySelectorAll("iframe"), function (frame) {
      frame.contentWindow.postMessage({ type: "capture:ask" }, "*");
    });
  };
  addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "capture:ask" && event.source === parent && parent !== window) {
      parent.postMessage(
        {
          type: "capture:answer",
          messages: capture.messages,
          interactive: performance.getEntriesByName("chart-interactive").length > 0,
          origin: self.origin,
          height: Math.ceil(document.documentElement.getBoundingClientRect().height),
        },
        "*",
      );
    } else if (data.type === "capture:answer") {
      capture.frames.push(data);
    }
  });
  ["instantiate", "instantiateStreaming"].forEach(function (name) {
    var original = window.WebAssembly && WebAssembly[name];
    if (!original) return;
    WebAssembly[name] = function () {
      recordChartBox();
      return original.apply(this, arguments);
    };
  });
})();
