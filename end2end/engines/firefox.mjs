// Firefox ESR (Debian's `firefox-esr`), driven by puppeteer-core over WebDriver BiDi. BiDi
// cannot emulate the colour scheme, so the scheme is a preference and each scheme is a launch of
// its own (about 5 s). The engine interface is described in ../engines.mjs.
import puppeteer from "puppeteer-core";
import { requireFile } from "./processes.mjs";

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";

// `layout.css.prefers-color-scheme.content-override`: 0 dark, 1 light.
const SCHEME_PREF = { dark: 0, light: 1 };

export async function launch({ ratio }) {
  await requireFile(FIREFOX, "firefox-esr");
  let browser = null;
  let scheme = null;
  let page = null;
  let messages = [];
  let viewport = null;

  async function start(wanted) {
    await browser?.close();
    browser = null;
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      defaultViewport: null,
      extraPrefsFirefox: { "layout.css.prefers-color-scheme.content-override": SCHEME_PREF[wanted] },
    });
    scheme = wanted;
  }

  await start("light");
  const release = (await browser.version()).replace(/^firefox\//i, "");
  const version = `Firefox${/esr/.test(FIREFOX) ? " ESR" : ""} ${release} (${browser.protocol})`;

  return {
    name: "firefox",
    version,

    async open(url, { width, height, scheme: wanted }) {
      if (wanted !== scheme) await start(wanted);
      await page?.close().catch(() => {});
      page = await browser.newPage();
      messages = [];
      page.on("console", (message) => {
        if (["error", "warn", "warning", "assert"].includes(message.type())) {
          messages.push(`console ${message.type()}: ${message.text()}`);
        }
      });
      page.on("pageerror", (error) => messages.push(`page error: ${error.message ?? error}`));
      viewport = { width, height };
      await page.setViewport({ ...viewport, deviceScaleFactor: ratio });
      await page.goto(url);
    },

    // Like moving the window to a screen of another density: Firefox fires the resolution
    // media query's change, as it does for a real one.
    setRatio: (ratio) => page.setViewport({ ...viewport, deviceScaleFactor: ratio }),

    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: (path) => page.screenshot({ path }),
    messages: () => [...messages],
    close: async () => {
      await browser?.close();
      browser = null;
    },
  };
}
