// WebKit (WebKitGTK, Safari's engine: Debian's `webkit2gtk-driver`), driven by selenium-webdriver
// through WebKitWebDriver, which starts MiniBrowser. It needs an X display: a private Xvfb. The
// colour scheme is MiniBrowser's `--dark-mode`, so each scheme is a session of its own; the pixel
// ratio is GTK's window scale (GDK_SCALE). WebDriver gives no console in WebKit: the flows read
// what the page reports from capture.js (serve.mjs). The engine interface is described in
// ../engines.mjs.
import { Builder, Key, Origin } from "selenium-webdriver";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, requireFile, startGroup, stopGroup, temporaryFolder, waitUntil } from "./processes.mjs";

const DRIVER = process.env.WEBKIT_WEBDRIVER ?? "/usr/bin/WebKitWebDriver";
const MINIBROWSER = process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const XVFB = "/usr/bin/Xvfb";

const KEYS = {
  Tab: Key.TAB,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
  Home: Key.HOME,
  End: Key.END,
  Escape: Key.ESCAPE,
  Enter: Key.ENTER,
};

/** Starts Xvfb on a display number it picks itself (-displayfd), resolving to [child, ":N"]. */
async function startXvfb() {
  // Big enough for a 1280 px wide window at a pixel ratio of 2.
  const xvfb = startGroup(XVFB, ["-displayfd", "3", "-screen", "0", "2800x2000x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  let written = "";
  xvfb.stdio[3].on("data", (chunk) => (written += chunk));
  try {
    const display = await waitUntil(() => /^\d+\n/.test(written) && `:${written.trim()}`, {
      timeout: 10_000,
      interval: 50,
      what: "Xvfb to report its display",
    });
    return [xvfb, display];
  } catch (error) {
    await stopGroup(xvfb);
    throw new Error(`${error.message}\n${xvfb.output}`);
  }
}

// MiniBrowser's toolbar (its buttons and address entry, at their GTK minimum widths) keeps
// the window at least 447 px wide; a phone's viewport is 375. This style sheet, in a private
// XDG_CONFIG_HOME, lets the browser's own widgets shrink. It styles GTK's widgets only: WebKit
// draws the page, its controls and scrollbars itself.
const GTK_CSS = "button, entry { min-width: 0; padding-left: 0; padding-right: 0; }\n";

/** The config folder, and a function that removes it. */
async function gtkConfig() {
  const home = await mkdtemp(join(tmpdir(), "way-out-webkit-"));
  const remove = temporaryFolder(home);
  await mkdir(join(home, "gtk-3.0"));
  await writeFile(join(home, "gtk-3.0", "gtk.css"), GTK_CSS);
  return [home, remove];
}

export async function launch({ ratio }) {
  await requireFile(XVFB, "xvfb");
  await requireFile(DRIVER, "webkit2gtk-driver");
  await requireFile(MINIBROWSER, "webkit2gtk-driver");
  let xvfb = null;
  let driverProcess = null;
  let driver = null;
  let scheme = null;
  let config = null;
  let removeConfig = null;
  let display = null;

  async function stopAll() {
    driver = null;
    await stopGroup(driverProcess);
    await stopGroup(xvfb);
    removeConfig?.();
  }

  /**
   * A new WebKitWebDriver and browser in `wanted` colour scheme (MiniBrowser takes it as a
   * launch option). The whole driver is restarted, its browser with it, not only its session:
   * ending a session and starting the next one in the same driver hung for minutes in about one
   * run of five (2026-12-07).
   */
  async function startBrowser(wanted) {
    driver = null;
    await stopGroup(driverProcess);
    const port = await freePort();
    driverProcess = startGroup(DRIVER, [`--port=${port}`], {
      stdio: ["ignore", "pipe", "pipe"],
      // No accessibility bus here: without NO_AT_BRIDGE GTK waits for one and warns.
      env: {
        ...process.env,
        DISPLAY: display,
        NO_AT_BRIDGE: "1",
        GDK_SCALE: String(ratio),
        XDG_CONFIG_HOME: config,
      },
    });
    const server = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await fetch(`${server}/status`)).ok, {
      timeout: 10_000,
      what: `WebKitWebDriver on port ${port}`,
    }).catch((error) => {
      throw new Error(`${error.message}\n${driverProcess.output}`);
    });
    driver = await new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": {
          binary: MINIBROWSER,
          args: ["--automation", ...(wanted === "dark" ? ["--dark-mode"] : [])],
        },
      })
      .build();
    scheme = wanted;
  }

  try {
    [xvfb, display] = await startXvfb();
    [config, removeConfig] = await gtkConfig();
    await startBrowser("light");
  } catch (error) {
    await stopAll();
    throw error;
  }
  const capabilities = await driver.getCapabilities();
  const version = `WebKitGTK ${capabilities.get("browserVersion")} (${capabilities.get("browserName")})`;

  async function evaluate(fn, ...args) {
    // An async script, so a function returning a promise is waited for in every WebKit.
    const result = await driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve()
         .then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
         .then((value) => done({ value: value === undefined ? null : value }),
               (error) => done({ error: String(error && error.stack || error) }));`,
      ...args,
    );
    if (result.error) throw new Error(`in the page: ${result.error}`);
    return result.value;
  }

  /**
   * Sizes the window so that the page's viewport is `width` × `height` CSS pixels, and centres
   * it on the screen. Xvfb has no window manager: the keyboard focus follows the pointer, which
   * stays in the middle of the screen (WebDriver's pointer is synthetic). A window away from
   * it is never focused, and its page never matches :focus or :focus-visible.
   */
  async function sizeViewport(width, height) {
    const [screenWidth, screenHeight] = await evaluate(() => [screen.width, screen.height]);
    let outer = { width, height };
    for (let attempt = 0; attempt < 5; attempt++) {
      await driver.manage().window().setRect({
        ...outer,
        x: Math.max(0, Math.round((screenWidth - outer.width) / 2)),
        y: Math.max(0, Math.round((screenHeight - outer.height) / 2)),
      });
      // The window resizes asynchronously (a new session's window can still report its first
      // size): wait until the page sees the size asked for, then measure the viewport.
      await waitUntil(
        async () => {
          const [w, h] = await evaluate(() => [outerWidth, outerHeight]);
          return w === outer.width && h === outer.height;
        },
        { timeout: 2000, interval: 50 },
      ).catch(() => {});
      const [innerWidth, innerHeight] = await evaluate(() => [innerWidth, innerHeight]);
      if (innerWidth === width && innerHeight === height) return;
      // The browser's own toolbar takes height (and never width): the window is at least the viewport.
      outer = {
        width: Math.max(width, outer.width + width - innerWidth),
        height: Math.max(height, outer.height + height - innerHeight),
      };
    }
    const inner = await evaluate(() => [innerWidth, innerHeight]);
    throw new Error(`WebKit: could not size the viewport to ${width}×${height} (it is ${inner.join("×")})`);
  }

  return {
    name: "webkit",
    version,

    async open(url, { width, height, scheme: wanted }) {
      if (wanted !== scheme) await startBrowser(wanted);
      await driver.get("about:blank");
      await sizeViewport(width, height);
      await driver.get(url);
    },

    evaluate,
    mouseMove: (x, y) =>
      driver
        .actions({ async: true })
        .move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT })
        .perform(),
    press: (key) => {
      const code = KEYS[key];
      if (!code) throw new Error(`webkit engine: no key named ${key}`);
      return driver.actions({ async: true }).keyDown(code).keyUp(code).perform();
    },
    screenshot: async (path) => writeFile(path, Buffer.from(await driver.takeScreenshot(), "base64")),
    // No console over WebDriver: everything the page reports is in capture.js's record.
    messages: () => [],
    close: stopAll,
  };
}
