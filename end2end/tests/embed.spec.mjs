// Embedded on another site: the code "Copy embed code" copies, pasted as it is into a partner's
// page served from another origin (localhost, another port) under a strict Content-Security-
// Policy that allows only our origin's script and frames. The iframe takes its content's height
// at every column width; messages from anyone else, or of another shape, change nothing; the
// embed options; the link to the whole article. docs/embedding.md.
import { createServer } from "node:http";
import { writeFileSync } from "node:fs";
import { test, expect, CONTENT, ARTIFACTS, waitInteractive, meanLuminance, openWithWasmHeld } from "./fixtures.mjs";

const { article, chart } = CONTENT;
const button = (scope, name) => scope.getByRole("button", { name, exact: true });

/** What "Copy embed code" copies on our page (http://127.0.0.1:…, the suite's server). */
let snippet;
/** The partner's server: http://localhost:…, another origin than ours. */
let host;

test.beforeAll(async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: true,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  await page.goto("/");
  await waitInteractive(page);
  await button(page, "Copy embed code").click();
  await expect(page.locator(".action-status")).toHaveText("Embed code copied to the clipboard.");
  snippet = await page.evaluate(() => navigator.clipboard.readText());
  await context.close();
  host = await startHost(new URL(baseURL).origin);
});

test.afterAll(() => host?.close());

/**
 * A partner's article page, with our snippet between two paragraphs and another site's iframe
 * below (a window that is not ours). `/?w=375` makes its column 375 px wide (its stylesheet,
 * `/host.css?w=375`: the policy allows no inline style).
 */
function startHost(ours) {
  const policy = `default-src 'none'; style-src 'self'; script-src ${ours}; frame-src ${ours} 'self'`;
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    const width = Number(url.searchParams.get("w")) || 600;
    // `&iframe-only`: a partner who pasted the iframe without our script; `&no-allow`: a CMS
    // that strips the iframe's `allow` attribute.
    let code = url.searchParams.has("iframe-only") ? snippet.replace(/<script.*$/, "") : snippet;
    if (url.searchParams.has("no-allow")) code = code.replace(/ allow="[^"]*"/, "");
    // `&sandbox=…`: a CMS that sandboxes embedded iframes with these tokens.
    const sandbox = url.searchParams.get("sandbox");
    if (sandbox !== null) code = code.replace("<iframe ", `<iframe sandbox="${sandbox.replace(/[^a-z -]/g, "")}" `);
    const pages = {
      "/": [
        "text/html",
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">` +
          `<meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>A partner's article</title><link rel="stylesheet" href="/host.css${url.search}"></head>` +
          `<body><main><h1>A partner's article</h1><p>The partner's own words come before the chart.</p>` +
          `${code}<p>And after it.</p>` +
          `<iframe class="other" src="/other.html" title="Another site's box"></iframe>` +
          `<iframe class="ours-too" src="${ours}/index.html" title="Our article"></iframe></main></body></html>`,
      ],
      "/host.css": [
        "text/css",
        `body{margin:0;font:18px/1.5 Georgia,serif}main{width:${width}px;margin:0 auto}` +
          `.other{display:block;width:100%;height:60px;border:0}` +
          // `&theme`: a theme's rule for "responsive embeds", as many have.
          (url.searchParams.has("theme") ? `iframe{max-width:100%;height:auto!important}` : "") +
          // `&boxed`: a host that sizes every box by its border and frames its iframes.
          (url.searchParams.has("boxed") ? `*{box-sizing:border-box}iframe{border:2px solid;padding:6px}` : ""),
      ],
      "/other.html": ["text/html", `<!DOCTYPE html><html lang="en"><title>Other</title><p>Not ours.</p></html>`],
    };
    const [type, body] = pages[url.pathname] ?? [];
    if (!body) return response.writeHead(404).end();
    // `&isolated=require-corp` or `=credentialless`: a partner's page that isolates itself.
    const isolated = url.searchParams.get("isolated");
    const isolation = isolated && { "Cross-Origin-Embedder-Policy": isolated, "Cross-Origin-Opener-Policy": "same-origin" };
    response
      .writeHead(200, { "Content-Type": `${type}; charset=utf-8`, "Content-Security-Policy": policy, ...isolation })
      .end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: (path) => `http://localhost:${server.address().port}${path}`,
        close: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

/** Opens the partner's page with a `width` px column; returns our iframe and its document. */
async function openHost(page, width, path = `/?w=${width}`, waitUntil = "load") {
  await page.setViewportSize({ width: width + 32, height: 900 });
  await page.goto(host.url(path), { waitUntil });
  const iframe = page.locator('iframe[src*="/embed.html"]');
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForLoadState();
  return { iframe, frame };
}

/** The iframe's height on the host, and the embed document's height and scroll height. */
async function heights(iframe, frame) {
  const [content, scroll] = await frame.evaluate(() => [
    Math.ceil(document.documentElement.getBoundingClientRect().height),
    document.documentElement.scrollHeight,
  ]);
  return { iframe: await iframe.evaluate((element) => element.getBoundingClientRect().height), content, scroll };
}

/** Waits until the iframe is exactly as tall as its content; returns that height. */
async function expectFitted(iframe, frame) {
  let last;
  await expect
    .poll(async () => {
      last = await heights(iframe, frame);
      return last.iframe === last.content && last.scroll === last.content;
    })
    .toBe(true);
  return last.content;
}

test("the embed options, chosen by keyboard on the article page, go into the copied code", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto("/");
  await waitInteractive(page);
  const summary = page.locator(".embed-options > summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".embed-options")).toHaveAttribute("open");
  const colours = page.getByRole("combobox", { name: "Colors" });
  await colours.focus();
  await colours.selectOption("dark");
  await page.getByRole("checkbox", { name: "The chart alone, without its title" }).check();
  await button(page, "Copy embed code").click();
  await expect(page.locator(".action-status")).toHaveText("Embed code copied to the clipboard.");
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?theme=dark&plain" title="/);
  // Back to the reader's colours: only `plain` is left.
  await colours.selectOption("");
  await button(page, "Copy embed code").click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/embed\.html\?plain" title="/);
  await context.close();
});

test("the copied code is our iframe and our host script, nothing inline", () => {
  expect(snippet).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html" title="[^"]+" width="100%" height="\d+" frameborder="0" loading="lazy" allow="fullscreen; clipboard-write"><\/iframe><script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/,
  );
  expect(snippet).toContain(`title="${chart.title}"`);
});

for (const width of [320, 375, 768, 1000, 1280]) {
  test(`in a ${width} px column the iframe fits its content: nothing cut off, nothing sideways`, async ({ page }) => {
    const { iframe, frame } = await openHost(page, width);
    await waitInteractive(frame);
    const height = await expectFitted(iframe, frame);
    // The source line and the link to the article show inside the iframe.
    for (const selector of [".chart-source", ".full-article a"]) {
      const box = await frame.locator(selector).evaluate((element) => {
        const { top, bottom } = element.getBoundingClientRect();
        return { top, bottom, innerHeight };
      });
      expect(box.top, selector).toBeGreaterThanOrEqual(0);
      expect(box.bottom, selector).toBeLessThanOrEqual(box.innerHeight);
    }
    await expect(frame.locator(".chart-source")).toBeVisible();
    // Nothing sideways: the iframe is the column's width, and neither page scrolls sideways.
    expect(await iframe.evaluate((element) => element.getBoundingClientRect().width)).toBe(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const source = await sourceBottom(frame);
    writeFileSync(`${ARTIFACTS}embed-height-${width}.json`, JSON.stringify({ width, content: height, iframe: height, source }));
    if (width === 375 || width === 1280) await page.screenshot({ path: `${ARTIFACTS}embed-host-${width}.png`, fullPage: true });
  });
}

test("a theme's `iframe { height: auto !important }` does not squash the iframe: the host script's height wins", async ({ page }) => {
  const { iframe, frame } = await openHost(page, 375, "/?w=375&theme");
  await waitInteractive(frame);
  expect(await expectFitted(iframe, frame)).toBeGreaterThan(600);
});

test("on a host that sizes boxes by their border (`border-box`) and frames its iframes, the content still fits", async ({ page }) => {
  const { frame } = await openHost(page, 768, "/?w=768&boxed");
  await waitInteractive(frame);
  // The iframe's border and padding go on top of the content's height: nothing scrolls inside.
  await expect
    .poll(() =>
      frame.evaluate(() => ({
        scrolls: document.documentElement.scrollHeight > innerHeight,
        spare: innerHeight - Math.ceil(document.documentElement.getBoundingClientRect().height),
      })),
    )
    .toEqual({ scrolls: false, spare: 0 });
});

/** Where the source line ends, from the top of the embed document (CSS px). */
const sourceBottom = (frame) =>
  frame.locator(".chart-source").evaluate((element) => Math.ceil(element.getBoundingClientRect().bottom + scrollY));

/** The snippet's fallback height. */
const fallback = () => Number(snippet.match(/ height="(\d+)"/)[1]);

// Without our host script (not pasted, or blocked), or without any JavaScript, the iframe keeps
// the snippet's height: the chart and its source line must show in it at every common width.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "without our host script" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("the fallback height shows the chart and its source line from 320 to 1280 px", async ({ page }) => {
      const bottoms = {};
      for (const width of [320, 375, 768, 1000, 1280]) {
        const { iframe, frame } = await openHost(page, width, `/?w=${width}&iframe-only`);
        expect((await heights(iframe, frame)).iframe).toBe(fallback());
        bottoms[width] = await sourceBottom(frame);
      }
      writeFileSync(`${ARTIFACTS}embed-fallback-${javaScriptEnabled ? "js" : "no-js"}.json`, JSON.stringify(bottoms));
      for (const [width, bottom] of Object.entries(bottoms)) expect(bottom, `${width} px`).toBeLessThanOrEqual(fallback());
    });
  });
}

test("the iframe follows its content: the table view, and a host script that arrived late", async ({ page, baseURL }) => {
  // The host script is held until the embed page has reported its height (to no one).
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(`${baseURL}/embed.js`, async (route) => {
    await held;
    await route.continue();
  });
  // (An async script holds the page's load event back: wait for the parsed document only.)
  const { iframe, frame } = await openHost(page, 375, "/?w=375", "domcontentloaded");
  await waitInteractive(frame);
  expect((await heights(iframe, frame)).iframe).toBe(fallback());
  release();
  const chartHeight = await expectFitted(iframe, frame);
  const history = await page.evaluate(() => history.length);
  await button(frame, "Table").click();
  await expect(frame.getByRole("table")).toBeVisible();
  await expect.poll(async () => (await heights(iframe, frame)).content).not.toBe(chartHeight);
  const tableHeight = await expectFitted(iframe, frame);
  await button(frame, "Chart").click();
  await expect.poll(async () => (await heights(iframe, frame)).content).toBe(chartHeight);
  expect(await expectFitted(iframe, frame)).toBe(chartHeight);
  // The views were not written into the history the host page shares: Back leaves the page.
  expect(await page.evaluate(() => history.length)).toBe(history);
  writeFileSync(`${ARTIFACTS}embed-height-375-table.json`, JSON.stringify({ width: 375, table: tableHeight }));
});

test("the article framed by another site keeps its views out of the history that site shares", async ({ page }) => {
  // Partners get embed.html; a site may frame the article itself all the same.
  await openHost(page, 600);
  // On the screen: a frame out of sight is not painted, and the app starts after the paint.
  await page.locator("iframe.ours-too").scrollIntoViewIfNeeded();
  const article = await (await page.locator("iframe.ours-too").elementHandle()).contentFrame();
  await waitInteractive(article);
  const entries = await page.evaluate(() => history.length);
  const url = article.url();
  await article.getByRole("button", { name: "Table", exact: true }).click();
  await expect(article.getByRole("table")).toBeVisible();
  await article.getByRole("button", { name: "Chart", exact: true }).click();
  await page.waitForTimeout(500);
  // Each view was a step of the host's Back button before.
  expect(await page.evaluate(() => history.length)).toBe(entries);
  expect(article.url()).toBe(url);
});

test("AMP's <amp-iframe> gets its embed-size message", async ({ page }) => {
  await page.addInitScript(() => {
    window.__amp = [];
    addEventListener("message", (event) => event.data?.sentinel === "amp" && window.__amp.push(event.data));
  });
  const { iframe, frame } = await openHost(page, 375);
  const height = await expectFitted(iframe, frame);
  await expect.poll(() => page.evaluate(() => window.__amp.at(-1))).toEqual({ sentinel: "amp", type: "embed-size", height });
});

test("a message from another window, or of another shape, changes nothing", async ({ page }) => {
  const { iframe, frame } = await openHost(page, 375);
  const fitted = await expectFitted(iframe, frame);
  const other = await (await page.locator("iframe.other").elementHandle()).contentFrame();
  // Counts every message the host page receives from now on. It listens after our host script
  // (which the page ran first), so once it has seen a message, so has our script.
  await page.evaluate(() => {
    window.__messages = 0;
    addEventListener("message", () => window.__messages++);
  });
  // The right shape, from the wrong windows: the host page itself, and another site's iframe.
  await page.evaluate(() => postMessage({ type: "way-out:height", height: 501 }, "*"));
  await other.evaluate(() => parent.postMessage({ type: "way-out:height", height: 502 }, "*"));
  // The right shape from our origin, but not from our embed page's iframe.
  const oursToo = await (await page.locator("iframe.ours-too").elementHandle()).contentFrame();
  await oursToo.evaluate(() => parent.postMessage({ type: "way-out:height", height: 507 }, "*"));
  // The right window (our iframe), the wrong shapes and heights.
  const hostile = await frame.evaluate(() => {
    const messages = [
      { type: "way-out:height", height: 1e9 },
      { type: "way-out:height", height: -600 },
      { type: "way-out:height", height: NaN },
      { type: "way-out:height", height: Infinity },
      { type: "way-out:height", height: 0 },
      { type: "way-out:height", height: "700" },
      { type: "way-out:height", height: 503, extra: true },
      { type: "datawrapper-height", height: 504 },
      { type: "way-out:height" },
      "way-out:height 505",
      [506],
      null,
    ];
    for (const message of messages) parent.postMessage(message, "*");
    return messages.length;
  });
  await expect.poll(() => page.evaluate(() => window.__messages)).toBe(hostile + 3);
  expect(await iframe.evaluate((element) => element.getBoundingClientRect().height)).toBe(fitted);
  // The same window with the right shape is obeyed: the checks above did the ignoring.
  await frame.evaluate(() => parent.postMessage({ type: "way-out:height", height: 640 }, "*"));
  await expect.poll(() => iframe.evaluate((element) => element.getBoundingClientRect().height)).toBe(640);
  // Our iframe, navigated to another origin: the same window, no longer ours.
  await iframe.evaluate((element, url) => (element.contentWindow.location.href = url), host.url("/other.html?moved"));
  await expect.poll(async () => (await (await iframe.elementHandle()).contentFrame())?.url()).toContain("moved");
  const moved = await (await iframe.elementHandle()).contentFrame();
  await moved.waitForLoadState();
  await moved.evaluate(() => parent.postMessage({ type: "way-out:height", height: 508 }, "*"));
  await expect.poll(() => page.evaluate(() => window.__messages)).toBeGreaterThan(hostile + 3);
  expect(await iframe.evaluate((element) => element.getBoundingClientRect().height)).toBe(640);
});

// Some CMSs sandbox every embedded iframe. Without `allow-same-origin` the embed's document has
// no origin of its own ("null"), so its glue, wasm and scripts with integrity, and the PNG that
// "Copy image" fetches, are cross-origin requests to it: the host sends CORS for them.
test("in an iframe the host sandboxes with scripts only, the app runs and the iframe fits", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { iframe, frame } = await openHost(page, 375, "/?w=375&sandbox=allow-scripts");
  expect(await iframe.getAttribute("sandbox")).toBe("allow-scripts");
  expect(await frame.evaluate(() => origin)).toBe("null");
  await waitInteractive(frame);
  await expect(frame.locator("#notice")).toBeHidden();
  const chartHeight = await expectFitted(iframe, frame);
  // The app answers: the table view, and the iframe follows it.
  await button(frame, "Table").click();
  await expect(frame.getByRole("table")).toBeVisible();
  await expect.poll(async () => (await heights(iframe, frame)).content).not.toBe(chartHeight);
  await expectFitted(iframe, frame);
  await button(frame, "Chart").click();
  await button(frame, "Copy image").click();
  await expect(frame.locator(".action-status")).toHaveText("Copied: the chart as an image.");
  expect(await page.evaluate(async () => (await navigator.clipboard.read())[0].types)).toContain("image/png");
});

// The sandbox docs/embedding.md gives for AMP: the downloads need `allow-downloads` (without it
// Chromium refuses the CSV and opens the PNG and SVG in the iframe, in place of the chart).
test("in an iframe sandboxed with the tokens the docs give, the downloads download", async ({ page }) => {
  const tokens = "allow-scripts allow-same-origin allow-downloads allow-top-navigation-by-user-activation";
  const { frame } = await openHost(page, 768, `/?w=768&sandbox=${encodeURIComponent(tokens)}`);
  await waitInteractive(frame);
  for (const [name, extension] of [["Get the data (CSV)", ".csv"], ["Download image (PNG)", ".png"]]) {
    const [download] = await Promise.all([page.waitForEvent("download"), frame.getByRole("link", { name }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\${extension}$`));
  }
  expect(frame.url()).toMatch(/\/embed\.html$/);
  await expect(button(frame, "Table")).toBeVisible();
});

// A partner's page that isolates itself (for SharedArrayBuffer, say) loads only files that allow
// it (Cross-Origin-Resource-Policy) and iframes with an embedder policy of their own: without
// them the browser refuses our iframe and our host script.
for (const isolated of ["require-corp", "credentialless"]) {
  test(`on a partner's page isolated with ${isolated}, the embed and its host script load`, async ({ page }) => {
    const { iframe, frame } = await openHost(page, 375, `/?w=375&isolated=${isolated}`);
    expect(await page.evaluate(() => crossOriginIsolated), "the host page is isolated").toBe(true);
    await waitInteractive(frame);
    await expectFitted(iframe, frame);
    await button(frame, "Table").click();
    await expect(frame.getByRole("table")).toBeVisible();
  });
}

test("the link to the whole article is reachable by keyboard and opens in the top window", async ({ page, baseURL }) => {
  const { frame } = await openHost(page, 768);
  await waitInteractive(frame);
  const link = frame.getByRole("link", { name: `Read the full article: ${article.headline}` });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("target", "_top");
  // Tab from the top of the embed page to the link.
  await frame.locator("body").evaluate((body) => body.focus());
  for (let i = 0; i < 20 && !(await link.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(`${baseURL}/`);
  await expect(page.locator("h1")).toHaveText(article.headline);
});

test("in the partner's page, Full screen, Copy image and Share work: the iframe's allow delegates them", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { frame } = await openHost(page, 768);
  await waitInteractive(frame);
  const toggle = frame.locator(".chart-actions button.full-screen");
  await expect(toggle).toBeVisible();
  await toggle.click();
  await expect.poll(() => frame.evaluate(() => document.fullscreenElement?.className)).toBe("chart-figure");
  await expect(toggle).toHaveAccessibleName("Exit full screen");
  await page.keyboard.press("Escape");
  await expect.poll(() => frame.evaluate(() => document.fullscreenElement)).toBeNull();

  const status = frame.locator(".action-status");
  await button(frame, "Copy image").click();
  await expect(status).toHaveText("Copied: the chart as an image.");
  const types = await page.evaluate(async () => (await navigator.clipboard.read())[0].types);
  expect(types).toContain("image/png");
  await button(frame, "Share").click();
  await expect(status).toHaveText("Copied: the link to this view of the chart.");
  // The link is the article's page, not the embed's.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test("where a CMS strips the iframe's allow, Full screen is hidden and copying says what to do", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { frame } = await openHost(page, 768, "/?w=768&no-allow");
  await waitInteractive(frame);
  await expect(frame.locator(".chart-actions button.full-screen")).toBeHidden();
  await button(frame, "Copy image").click();
  await expect(frame.locator(".action-status")).toHaveText(
    "The browser did not copy the image; “Download image (PNG)” saves it instead.",
  );
  await button(frame, "Share").click();
  await expect(frame.locator(".action-status")).toHaveText("Copy the link below.");
  await expect(frame.getByRole("textbox", { name: "Link to this view" })).toBeVisible();
});

/** Whether the chart's title takes its place on screen (`plain` leaves it 1 px, for screen readers). */
const titleShown = (page) =>
  Promise.all([".chart-title", ".chart-subtitle"].map((s) => page.locator(s).evaluate((e) => e.getBoundingClientRect().width > 1)));

test.describe("embed options", () => {
  test("theme=dark darkens the page and the canvas chart in a light scheme; plain shows the chart alone", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 600, height: 900 });
    await page.goto("/embed.html?theme=dark&plain");
    await waitInteractive(page);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(22, 24, 27)");
    expect(meanLuminance(await page.locator("#chart").screenshot())).toBeLessThan(0.3);
    // plain: no title or subtitle on screen; the title still names the figure.
    expect(await titleShown(page)).toEqual([false, false]);
    await expect(page.getByRole("figure", { name: chart.title })).toBeVisible();
    await expect(page.locator(".chart-source")).toBeVisible();
    await page.screenshot({ path: `${ARTIFACTS}embed-dark-plain.png` });
    // The embed page keeps the URL it was given, options included: the app writes no view there.
    await button(page, "Table").click();
    await expect(page.getByRole("table")).toBeVisible();
    expect(page.url()).toMatch(/\/embed\.html\?theme=dark&plain$/);
    expect(await page.evaluate(() => [...document.documentElement.classList].sort())).toEqual(["embed", "js", "plain", "theme-dark"]);
  });

  test("theme=light is light in a dark scheme, from the static chart to the canvas", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    // The static chart first: the wasm is held until it has been looked at.
    const release = await openWithWasmHeld(page, "/embed.html?theme=light");
    const chartBox = page.locator("#chart");
    await expect(chartBox.locator("svg:visible")).toHaveCount(1);
    expect(meanLuminance(await chartBox.screenshot())).toBeGreaterThan(0.8);
    release();
    await waitInteractive(page);
    expect(meanLuminance(await chartBox.screenshot())).toBeGreaterThan(0.8);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    expect(await titleShown(page)).toEqual([true, true]);
  });

  test("malformed and hostile values are ignored, silently", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    const hostile = [
      "theme=Light",
      "theme=light%00",
      "theme=%6Cight",
      "theme=light;",
      "theme=<script>alert(1)</script>",
      "theme[]=light",
      "plain=0",
      "plain=false",
      "plain=%31",
      `theme=light&x=${"a".repeat(300)}`,
    ];
    for (const query of hostile) {
      await page.goto(`/embed.html?${query}`);
      await waitInteractive(page);
      // The reader's (dark) scheme, and the title on screen.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), query).toBe("rgb(22, 24, 27)");
      expect(await titleShown(page), query).toEqual([true, true]);
      expect(await page.evaluate(() => [...document.documentElement.classList].sort()), query).toEqual(["embed", "js"]);
    }
  });
});
