// The prerendered page: complete without JavaScript, hydrated without a second copy or a
// layout shift, and still readable when the WebAssembly cannot run.
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { test, expect, CHART_CANVAS, CHART_FOCUS, VALUES, openChart, waitInteractive, visibleText, expectEverySentence, keepWasmInstance, openWithWasmHeld, ARTIFACTS, meanLuminance } from "./fixtures.mjs";

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  for (const width of [375, 1280]) {
    test(`at ${width} px the whole article and the static chart are visible`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/");
      expectEverySentence(await visibleText(page));
      const svg = page.locator("#chart svg:visible");
      await expect(svg).toHaveCount(1);
      const labels = await svg.locator("text").allTextContents();
      for (const value of VALUES) {
        expect(labels.map((l) => l.trim())).toContain(value);
      }
      // Its labels are in the page's sans stack, as on the canvas (inherited: the SVG has no
      // font of its own).
      const fonts = await page.evaluate(() =>
        [document.querySelector("#chart svg text"), document.querySelector(".chart-title")].map(
          (element) => getComputedStyle(element).fontFamily,
        ),
      );
      expect(fonts[0]).toContain("system-ui");
      expect(fonts[0]).toBe(fonts[1]);
      // The prerendered interactive chart stays invisible: no dead tab stop, nothing to read.
      await expect(page.locator(CHART_FOCUS)).toBeHidden();
      await expect(page.locator("noscript p, p.notice").first()).toBeVisible();
      await expect(page.locator(".notice").first()).toContainText("JavaScript is off");
      await page.screenshot({ path: `${ARTIFACTS}no-js-${width}.png`, fullPage: true });
    });
  }
});

// A reader without JavaScript cannot run the app: the page must not make them download it (the
// wasm is most of the page's bytes). Every request until the network is idle, the page's and the
// embed's.
test.describe("with JavaScript disabled, the downloads", () => {
  test.use({ javaScriptEnabled: false });

  for (const path of ["/", "/embed.html"]) {
    test(`${path} downloads no script and no WebAssembly`, async ({ page }) => {
      const requested = [];
      page.on("request", (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(requested[0]).toBe(path);
      expect(requested.filter((p) => p.endsWith(".css")).length).toBeGreaterThan(0);
      expect(requested.filter((p) => /\.(m?js|wasm)$/.test(p))).toEqual([]);
    });
  }
});

test.describe("with JavaScript disabled, in the dark scheme", () => {
  test.use({ javaScriptEnabled: false, colorScheme: "dark" });

  test("the static chart is dark too; the controls that need the app are hidden; the CSV link works", async ({ page, request }) => {
    await page.goto("/");
    const chart = page.locator("#chart");
    await expect(chart.locator("svg:visible")).toHaveCount(1);
    const dark = meanLuminance(await chart.screenshot());
    await page.emulateMedia({ colorScheme: "light" });
    const light = meanLuminance(await chart.screenshot());
    expect(dark).toBeLessThan(0.3);
    expect(light - dark).toBeGreaterThan(0.5);
    for (const name of ["Table", "Chart", "Logarithmic", "Linear", "Copy image", "Copy embed code"]) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    // Gone, not just invisible: they leave no empty space where they would be.
    const kept = await page.locator(".needs-js").evaluateAll((all) => all.filter((e) => e.getBoundingClientRect().height > 0).map((e) => e.className));
    expect(kept, "controls that need the app still take space").toEqual([]);
    const csv = page.getByRole("link", { name: "Get the data (CSV)" });
    await expect(csv).toBeVisible();
    const href = await csv.getAttribute("href");
    const text = href.startsWith("data:")
      ? decodeURIComponent(href.slice(href.indexOf(",") + 1))
      : await (await request.get(new URL(href, page.url()).href)).text();
    expect(text.split("\n")[0]).toMatch(/^period,date,/);
    for (const value of VALUES) expect(text).toContain(`,${value},`);
  });
});

test("before the WebAssembly arrives, the static chart follows the dark scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const release = await openWithWasmHeld(page);
  const chart = page.locator("#chart");
  await expect(chart.locator("svg:visible")).toHaveCount(1);
  expect(meanLuminance(await chart.screenshot())).toBeLessThan(0.3);
  release();
  await waitInteractive(page);
});

// Each font instance (family, weight, size) the first layout meets costs it a font set-up, about
// 5 ms under the benchmark's 4x CPU throttle (docs/build.md, "The first paint"). The type scale keeps
// them to seven; a new size or weight anywhere in the page or the static chart fails this.
test.describe("the first paint", () => {
  test.use({ javaScriptEnabled: false });

  for (const width of [375, 1280]) {
    test(`at ${width} px it uses at most seven font instances`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/");
      const instances = await page.evaluate(() => {
        const found = new Set();
        for (const element of document.querySelectorAll("body *")) {
          const text = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
          if (!text || !element.getClientRects().length) continue;
          const style = getComputedStyle(element);
          const family = style.fontFamily.split(",")[0].trim();
          found.add(`${family} ${style.fontWeight} ${style.fontStyle} ${style.fontSize}`);
        }
        return [...found].sort();
      });
      // The static chart's labels are among them.
      const labels = await page.locator("#chart svg:visible text").first().evaluate((t) => getComputedStyle(t).fontSize);
      expect(instances.some((i) => i.startsWith("system-ui") && i.endsWith(labels))).toBe(true);
      expect(instances.length, instances.join("; ")).toBeLessThanOrEqual(7);
    });
  }
});



test("the static chart is on screen before the WebAssembly arrives", async ({ page }) => {
  const release = await openWithWasmHeld(page);
  await expect(page.locator("#chart svg:visible")).toHaveCount(1);
  // The benchmark counts the chart as drawn: it is, in the first paint.
  await page.waitForFunction(() => performance.getEntriesByName("chart-drawn").length > 0);
  expect(await page.evaluate(() => performance.getEntriesByName("chart-interactive").length)).toBe(0);
  // The interactive chart is in the page, prerendered, but invisible and out of the tab order.
  await expect(page.locator(CHART_CANVAS)).toBeHidden();
  await expect(page.locator(CHART_FOCUS)).toBeHidden();
  release();
  await waitInteractive(page);
  await expect(page.locator("#chart svg:visible")).toHaveCount(0);
  await expect(page.locator(CHART_CANVAS)).toBeVisible();
  await expect(page.locator(CHART_FOCUS)).toBeVisible();
});

test("hydration causes no layout shift and keeps the chart's box", async ({ page }) => {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  const release = await openWithWasmHeld(page);
  const staticBox = await page.locator("#chart").boundingBox();
  release();
  await waitInteractive(page);
  // The canvas shown and the static chart gone, and two frames rendered since: any shift the
  // handover caused has been laid out and reported.
  await expect(page.locator(CHART_CANVAS)).toBeVisible();
  await expect(page.locator("#chart svg:visible")).toHaveCount(0);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const interactiveBox = await page.locator("#chart").boundingBox();
  expect(interactiveBox).toEqual(staticBox);
  const canvasBox = await page.locator(CHART_CANVAS).boundingBox();
  expect(canvasBox.width).toBeCloseTo(staticBox.width, 0);
  expect(canvasBox.height).toBeCloseTo(staticBox.height, 0);
  const shifts = await page.evaluate(() => window.__shifts);
  expect(shifts.reduce((a, b) => a + b, 0)).toBe(0);
});

test("the wasm is downloaded once", async ({ page }) => {
  const wasmRequests = [];
  page.on("request", (request) => {
    if (request.url().endsWith(".wasm")) wasmRequests.push(request.url());
  });
  await openChart(page);
  expect(wasmRequests).toHaveLength(1);
});

/**
 * Fails unless the page stands without its app: the notice shows and says `why`, the static
 * chart and every sentence are there, and the controls that need the app leave no box and no
 * gap (before: about 60 px of empty space between the chart and the data link).
 */
async function expectStandsWithoutApp(page, why) {
  const notice = page.locator("#notice");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(why);
  await expect(page.locator("#chart svg:visible")).toHaveCount(1);
  await expect(page.locator(CHART_CANVAS)).toBeHidden();
  expectEverySentence(await visibleText(page));
  await expect.poll(() => page.locator(".needs-js").evaluateAll((all) => all.filter((e) => e.getClientRects().length).length)).toBe(0);
  const gap = await page.evaluate(
    () => document.querySelector(".chart-actions").getBoundingClientRect().top - document.querySelector("#chart").getBoundingClientRect().bottom,
  );
  // The data link's row keeps only its own top margin (0.5rem).
  expect(gap).toBeLessThanOrEqual(8);
}

// The app's three files, each failing the ways a reader meets: blocked (an extension, offline) or
// missing after a bad deploy. The loader says why when the glue or the wasm fails; when the loader
// itself does not come, no script of ours runs and the stylesheet's timer (4 s) shows the notice.
const failures = [
  { file: "the wasm", name: String.raw`way-out-[0-9a-f]+_bg\.wasm`, why: "its program could not be loaded" },
  { file: "the JS glue", name: String.raw`way-out-[0-9a-f]+\.js`, why: "its program could not be loaded" },
  { file: "the loader", name: String.raw`loader-[0-9a-f]+\.js`, why: "its script could not be loaded" },
];
for (const { file, name, why } of failures) {
  const pattern = new RegExp(`/${name}$`);
  for (const [how, answer] of [
    ["blocked", (route) => route.abort()],
    ["missing (404)", (route) => route.fulfill({ status: 404, body: "not found" })],
  ]) {
    test.describe(`when ${file} is ${how}`, () => {
      // Only the browser's messages about the failed file may be logged (a 404's body also fails
      // the wasm's integrity check), and, where no script runs, that the preloaded wasm went unused.
      const logged = file === "the loader" ? `${name}|${failures[0].name}` : name;
      test.use({ allowedConsole: new RegExp(String.raw`^(error|warning): .*\bhttp://127\.0\.0\.1:\d+/(${logged})\b`) });

      test("the article and static chart stay, a notice says why, and the controls leave no gap", async ({ page }) => {
        await page.setViewportSize({ width: 375, height: 900 });
        await page.route(pattern, answer);
        await page.goto("/");
        await expectStandsWithoutApp(page, why);
        if (how === "blocked") {
          const shot = file.replace(/^the /, "no-").replace(/ /g, "-");
          await page.locator("figure").screenshot({ path: `${ARTIFACTS}${shot}-figure-375.png` });
        }
      });
    });
  }
}

test.describe("opened from the disk (file://)", () => {
  // Browsers refuse modules and preloads from file:// (CORS): the glue's and the wasm's preloads.
  test.use({ allowedConsole: /^error: (Access to .* at 'file:\/\/.*' from origin 'null' has been blocked by CORS policy|Failed to load resource: net::ERR_FAILED \(file:\/\/)/ });

  test("the article and the static chart are whole, and the notice says to serve the page", async ({ page }) => {
    const dist = resolve(fileURLToPath(new URL("..", import.meta.url)), process.env.WAY_OUT_E2E_DIST ?? "../dist");
    await page.setViewportSize({ width: 375, height: 900 });
    await page.goto(pathToFileURL(join(dist, "index.html")).href);
    await expectStandsWithoutApp(page, "it needs the page to be served, not opened as a file (scripts/serve)");
    // The stylesheet applies (one chart layout, the article's column).
    expect(await page.evaluate(() => getComputedStyle(document.querySelector("main")).maxWidth)).toBe("640px");
    await page.screenshot({ path: `${ARTIFACTS}file-375.png` });
  });
});

test.describe("when the app stops with an error", () => {
  test.use({ allowedConsole: /stopped working|unreachable/ });

  test("the error is logged, the page stays readable and the notice says so", async ({ page }) => {
    // A real abort inside the wasm, from a JavaScript callback, as a panic in an event handler
    // would be: the allocator refuses a request with an impossible alignment and aborts.
    await keepWasmInstance(page);
    const errors = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await openChart(page);
    // The build gives the wasm's exports short names (tools/short-names.mjs); the glue passes each
    // string to the wasm as `passStringToWasm0(text, wasm.<malloc>, wasm.<realloc>)`.
    const malloc = await page.evaluate(async () => {
      const glue = await (await fetch(document.querySelector('link[rel="modulepreload"]').href)).text();
      const names = [...glue.matchAll(/\(\w+,\w+\.(\w+),\w+\.(\w+)\)/g)].map((match) => match[1]);
      return names.length > 2 && names.every((name) => name === names[0]) ? names[0] : null;
    });
    expect(malloc, "the allocator's export, as the glue calls it").not.toBeNull();
    await page.evaluate((name) => setTimeout(() => window.__wasmExports[name](8, 3)), malloc);
    const notice = page.locator("#notice");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("stopped working");
    await expect(page.locator("html")).toHaveClass(/no-app/);
    expect(errors.some((text) => text.includes("way-out: the chart stopped working"))).toBe(true);
    await expect(page.getByRole("button", { name: "Copy image" })).toBeHidden();
    expectEverySentence(await visibleText(page));
    await expect(page.locator(CHART_CANVAS)).toBeVisible();
  });
});

test("a browser without JavaScript modules gets the notice instead of the app", async ({ page }) => {
  await page.goto("/");
  // Chromium skips <script nomodule>; run it the way an old browser would.
  const src = await page.locator("script[nomodule]").getAttribute("src");
  await page.addScriptTag({ url: src });
  await expect(page.locator("#notice")).toBeVisible();
  await expect(page.locator("#notice")).toContainText("too old");
  await expect(page.locator("html")).toHaveClass(/no-app/);
});

test("a browser without paint timing still starts the app", async ({ page }) => {
  // The loader starts the app after the first paint; where no paint entries come, after the
  // first frame.
  await page.addInitScript(() =>
    Object.defineProperty(PerformanceObserver, "supportedEntryTypes", { get: () => ["mark"] }),
  );
  await page.goto("/");
  await waitInteractive(page);
  expect(await page.evaluate(() => performance.getEntriesByName("chart-interactive").length)).toBe(1);
  await expect(page.locator(CHART_CANVAS)).toBeVisible();
  expect(await page.evaluate(() => performance.getEntriesByName("chart-drawn").length)).toBe(0);
});

test("no request leaves the page's origin", async ({ page, baseURL }) => {
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await openChart(page);
  const box = await page.locator(CHART_CANVAS).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole("button", { name: "Table", exact: true }).click();
  expect(requests.length).toBeGreaterThan(3);
  const foreign = requests.filter((url) => !url.startsWith(`${baseURL}/`) && !/^(data|blob):/.test(url));
  expect(foreign).toEqual([]);
});
