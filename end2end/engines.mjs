// The reader flows in three engines: Chromium, Firefox ESR and WebKitGTK (Safari's engine),
// against the release build, served with the strict Content-Security-Policy.
//   node --test-reporter=spec end2end/engines.mjs [--engine=NAME ...] [DIST]
// DIST defaults to ../dist. Each flow (flows/) is written once against this engine interface,
// which engines/{chromium,firefox,webkit}.mjs each implement:
//   launch({ ratio }) → engine, a browser at devicePixelRatio `ratio`, with
//     name, version                       strings
//     open(url, { width, height, scheme }) loads `url` in a fresh page: viewport in CSS px,
//                                          scheme "light" or "dark" (may relaunch the browser)
//     evaluate(fn, ...args)                runs `fn` (self-contained) in the page, with JSON args
//     mouseMove(x, y)                      moves the mouse to viewport CSS px
//     press(key)                           presses a key: Tab, ArrowLeft, ArrowRight, Home, End, Escape, Enter
//     screenshot(path)                     the viewport as PNG
//     messages()                           console errors and warnings the engine itself gives
//                                          (none in WebKit: capture.js records what the page reports)
//     close()                              ends the browser and everything it started
//     setRatio(ratio)                      optional: changes the loaded page's devicePixelRatio, as
//                                          a move to another screen does (Firefox only: Chromium's
//                                          emulation changes the ratio without the media query
//                                          change a real screen fires, and WebDriver has no such
//                                          command for WebKit)
// A missing browser, driver or Xvfb fails its engine, naming the Debian package to install.
import { after, before, test } from "node:test";
import { access } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";
import * as chromium from "./engines/chromium.mjs";
import * as firefox from "./engines/firefox.mjs";
import * as webkit from "./engines/webkit.mjs";
import { assertClean, assertPolicyEnforced, openInteractive, trustedTypesEnforced } from "./flows/page.mjs";
import { assertArticleWhole, assertMentionsUnderlined } from "./flows/article.mjs";
import { assertChartDrawn, assertRedrawnAtRatio } from "./flows/chart.mjs";
import { assertHover } from "./flows/pointer.mjs";
import { assertKeyboard } from "./flows/keyboard.mjs";
import { assertDarkScheme } from "./flows/theme.mjs";
import { assertNoLoaderClosesUp, assertStaticStandsIn } from "./flows/static.mjs";
import { assertCopyImage, assertFullScreen, assertPlayTheTrend, assertShare } from "./flows/actions.mjs";
import { assertSandboxedEmbed, assertSandboxedEmbedStatic } from "./flows/embed.mjs";

const ENGINES = { chromium, firefox, webkit };
// Every engine draws at 2 device pixels per CSS pixel: a canvas sized at 1× would look blurred,
// and at 2× a wrong backing store cannot pass by accident.
const RATIO = 2;
// Light first, then dark: Firefox and WebKit relaunch for a scheme change.
const VIEWS = [
  { width: 375, height: 740, scheme: "light" },
  { width: 1280, height: 800, scheme: "light" },
  { width: 375, height: 740, scheme: "dark" },
  { width: 1280, height: 800, scheme: "dark" },
];

const args = process.argv.slice(2);
const chosen = args.filter((a) => a.startsWith("--engine=")).map((a) => a.slice("--engine=".length));
const engineNames = chosen.length ? chosen : Object.keys(ENGINES);
const dist = resolve(args.find((a) => !a.startsWith("--")) ?? fileURLToPath(new URL("../dist", import.meta.url)));
const ARTIFACTS = fileURLToPath(new URL("artifacts/", import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

async function runEngine(t, name, url) {
  const module = ENGINES[name];
  if (!module) throw new Error(`no engine named ${name} (${Object.keys(ENGINES).join(", ")})`);
  let engine = null;
  try {
    engine = await module.launch({ ratio: RATIO });
    console.log(`${name}: ${engine.version}`);
    const shot = async (view, suffix = "") => {
      // Two frames: the last change is painted (WebKit's screenshot is the last painted frame).
      await engine.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await engine.screenshot(join(ARTIFACTS, `engine-${name}-${view.width}-${view.scheme}${suffix}.png`));
    };

    await t.test("without the app, the static chart stands in (1280 px, light)", async () => {
      await assertStaticStandsIn(engine, url, VIEWS[1]);
      await shot(VIEWS[1], "-static");
    });

    await t.test("without any script of ours, the notice shows and the controls leave no gap (375 px, light)", async () => {
      await assertNoLoaderClosesUp(engine, url, VIEWS[0]);
      await shot(VIEWS[0], "-noloader");
    });

    const canvases = {};
    for (const view of VIEWS) {
      await t.test(`${view.width} px, ${view.scheme}`, async (t) => {
        await openInteractive(engine, url, view);
        await t.test("loads under the policy with nothing reported", () => assertClean(engine));
        await t.test("the article is whole", () => assertArticleWhole(engine));
        await t.test("the chart is drawn, crisp, in place and fills its column", async () => {
          canvases[`${view.width} ${view.scheme}`] = await assertChartDrawn(engine, { width: view.width, ratio: RATIO });
        });
        await t.test("Tab reaches the chart and the arrow keys announce each value", () => assertKeyboard(engine));
        await t.test("hovering shows each point's value in a visible tooltip", () =>
          assertHover(engine, { beforeLeaving: () => shot(view) }),
        );
        await t.test("the article's phrases tied to the chart are underlined, solid under the pointer", () =>
          assertMentionsUnderlined(engine),
        );
        await t.test("still nothing reported after the interactions", () => assertClean(engine));
      });
    }
    await t.test("the dark scheme darkens the page and the chart", () => {
      for (const width of new Set(VIEWS.map((v) => v.width))) {
        const [light, dark] = [canvases[`${width} light`], canvases[`${width} dark`]];
        if (!light || !dark) throw new Error(`no chart measured at ${width} px in both schemes (failed above)`);
        assertDarkScheme(light, dark);
      }
    });
    await t.test("the canvas follows a pixel-ratio change at run time (1280 px, light)", async (t) => {
      if (!engine.setRatio) return t.skip(`${name}'s driver cannot change a loaded page's pixel ratio`);
      await openInteractive(engine, url, VIEWS[1]);
      await assertRedrawnAtRatio(engine, 3);
      await assertRedrawnAtRatio(engine, RATIO);
    });
    await t.test("Share, Copy image, Full screen and Play the trend from the keyboard (1280 px, light)", async () => {
      await openInteractive(engine, url, VIEWS[1]);
      console.log(`${name}: Share: the link ${await assertShare(engine)}`);
      await assertCopyImage(engine);
      console.log(`${name}: Full screen: ${await assertFullScreen(engine)}`);
      console.log(`${name}: Play the trend: ${await assertPlayTheTrend(engine)}`);
      await assertClean(engine);
    });
    await t.test("the embed in an iframe sandboxed with scripts only (375 px)", async () => {
      if (name === "webkit") {
        // WebKit bug 316847 (docs/embedding.md): the static figure stands in.
        await assertSandboxedEmbedStatic(engine, url, VIEWS[0]);
        console.log(`${name}: the sandboxed embed runs no script; the static figure stands in`);
      } else {
        console.log(`${name}: the sandboxed embed runs, fitted to ${await assertSandboxedEmbed(engine, url, VIEWS[0])} px`);
      }
    });
    await t.test("the policy is in force and a violation is seen", () => assertPolicyEnforced(engine));
    await t.test("under a host's Trusted Types, keyboard and hover work and nothing is reported (1280 px, light)", async (t) => {
      await openInteractive(engine, new URL("__strict/", url).href, VIEWS[1]);
      await assertKeyboard(engine);
      await assertHover(engine);
      await assertClean(engine);
      if (!(await trustedTypesEnforced(engine))) {
        t.skip(`${name} ${engine.version} does not enforce Trusted Types (the flows above passed without them)`);
      }
    });
  } finally {
    await engine?.close();
  }
}

// One server for every engine, on a free port; closed however the tests end.
let server = null;
before(async () => {
  await access(join(dist, "index.html")).catch(() => {
    throw new Error(`no build in ${dist}: run scripts/trunk build --release first`);
  });
  server = await startServer({ root: dist, port: 0, capture: true });
});
after(() => server?.close());

for (const name of engineNames) {
  test(name, { timeout: 4 * 60_000 }, (t) => runEngine(t, name, server.url));
}
