// Share, the SVG file, Copy image and full screen: what each gives the reader, what the status
// line says, and how the figure's row of actions looks at a phone's and a desktop's width.
import { readFileSync } from "node:fs";
import { test, expect, CONTENT, CHART_CANVAS, CHART_FOCUS, openChart, ARTIFACTS, decodePng, overlap } from "./fixtures.mjs";

const { chart } = CONTENT;
const button = (page, name) => page.getByRole("button", { name, exact: true });
const SVG_LINK = "Download image (SVG)";

/** Grants the clipboard to the page's origin, as a reader's "Allow" would. */
async function allowClipboard(context) {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
}

/**
 * A PNG's (a Buffer's) size, and how many of its pixels have the light theme's line colour
 * (#1f5fa8) and the text's (#1a1a1a) within a small distance.
 */
function pngPixels(png) {
  const { width, height, data } = decodePng(png);
  const near = (i, [r, g, b]) => Math.hypot(data[i] - r, data[i + 1] - g, data[i + 2] - b) < 40;
  let [line, text] = [0, 0];
  for (let i = 0; i < data.length; i += 4) {
    if (near(i, [0x1f, 0x5f, 0xa8])) line++;
    if (near(i, [0x1a, 0x1a, 0x1a])) text++;
  }
  return { width, height, line, text };
}

test.describe("Share", () => {
  test("copies the link to the reader's view, says 'Copied' and announces it", async ({ page, context, baseURL }) => {
    await allowClipboard(context);
    await openChart(page);
    // Chromium on Linux has no share sheet: this is the fallback every such browser takes.
    expect(await page.evaluate(() => typeof navigator.share)).toBe("undefined");
    await button(page, "Logarithmic").click();
    await page.locator(CHART_FOCUS).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(/\?scale=log&point=2$/);
    // By keyboard: the button takes focus and Enter presses it.
    await button(page, "Share").focus();
    await page.keyboard.press("Enter");
    const line = page.locator(".action-status");
    await expect(line).toHaveAttribute("role", "status");
    await expect(line).toHaveText("Copied: the link to this view of the chart.");
    await expect(line).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/?scale=log&point=2`);
    await expect(page.locator(".share-link")).toBeHidden();
    // Another view: "this view" would no longer be true.
    await button(page, "Linear").click();
    await expect(line).toHaveText("");
  });

  test("from the embed page, the link is the article's, with the view", async ({ page, context, baseURL }) => {
    await allowClipboard(context);
    await openChart(page, "/embed.html?view=table&utm_source=x");
    // By keyboard, the mouse out of the way: a page scrolled under a resting mouse moves it over
    // the chart or off it, and a mouse leaving the chart clears the selection.
    const shares = async (link) => {
      await page.evaluate(() => navigator.clipboard.writeText(""));
      await button(page, "Share").focus();
      await page.keyboard.press("Enter");
      await expect(page.locator(".action-status")).toHaveText("Copied: the link to this view of the chart.");
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    };
    await shares(`${baseURL}/?view=table`);
    // The view the reader then chooses, which the embed keeps out of its own URL.
    await button(page, "Chart").click();
    await button(page, "Logarithmic").click();
    await page.mouse.move(0, 0);
    await page.locator(CHART_FOCUS).focus();
    await page.keyboard.press("End");
    await shares(`${baseURL}/?scale=log&point=3`);
    expect(page.url()).toContain("/embed.html?view=table&utm_source=x");

    // Served as `/embed`, as a host that drops `.html` does (Cloudflare Pages): still the
    // article's link, not the embed page's.
    await page.route(/\/embed\?/, async (route) => route.fulfill({ response: await route.fetch({ url: `${baseURL}/embed.html` }) }));
    await openChart(page, "/embed?scale=log");
    await shares(`${baseURL}/?scale=log`);
  });

  test("where the clipboard refuses, the link is shown to copy by hand", async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    });
    await openChart(page, "/?view=table");
    await button(page, "Share").click();
    await expect(page.locator(".action-status")).toHaveText("Copy the link below.");
    const link = page.getByRole("textbox", { name: "Link to this view" });
    await expect(link).toBeVisible();
    await expect(link).toHaveValue(`${baseURL}/?view=table`);
  });

  test("where the browser has a share sheet, it gets the page's title and the link", async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      window.__shared = [];
      navigator.share = (data) => {
        window.__shared.push({ title: data.title, url: data.url, text: data.text ?? null });
        return Promise.resolve();
      };
    });
    await openChart(page, "/?scale=log");
    await button(page, "Share").click();
    await expect.poll(() => page.evaluate(() => window.__shared)).toEqual([
      { title: CONTENT.article.headline, url: `${baseURL}/?scale=log`, text: null },
    ]);
    await expect(page.locator(".action-status")).toHaveText("");
  });

  test("closing the share sheet says nothing and copies nothing", async ({ page }) => {
    await page.addInitScript(() => {
      window.__calls = [];
      navigator.share = () => {
        window.__calls.push("share");
        return Promise.reject(new DOMException("Share canceled", "AbortError"));
      };
      navigator.clipboard.writeText = (text) => {
        window.__calls.push(`copy ${text}`);
        return Promise.resolve();
      };
    });
    await openChart(page);
    await button(page, "Share").click();
    // Each evaluation is a task of its own: the app's answer to the refusal (promise jobs)
    // has run before the second one reads the calls.
    await expect.poll(() => page.evaluate(() => window.__calls.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__calls)).toEqual(["share"]);
    await expect(page.locator(".action-status")).toHaveText("");
    await expect(page.locator(".share-link")).toBeHidden();
  });
});

test.describe("the SVG file", () => {
  test("the link downloads one SVG that shows the chart on its own, in a browser", async ({ page, browser }) => {
    await openChart(page);
    const link = page.getByRole("link", { name: SVG_LINK });
    await expect(link).toHaveAttribute("href", `${chart.slug}.svg`);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(`${chart.slug}.svg`);
    const file = `${ARTIFACTS}chart.svg`;
    await download.saveAs(file);
    const svg = readFileSync(file, "utf8");
    // Well-formed XML (the browser's XML parser), an SVG root, its title, description and text.
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, "image/svg+xml");
      const root = document.documentElement;
      return {
        error: document.querySelector("parsererror")?.textContent ?? null,
        root: [root.namespaceURI, root.localName],
        title: root.querySelector(":scope > title")?.textContent,
        desc: root.querySelector(":scope > desc")?.textContent,
        text: [...root.querySelectorAll("text")].map((t) => t.textContent).join(" "),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toEqual(["http://www.w3.org/2000/svg", "svg"]);
    expect(parsed.title).toBe(chart.title);
    expect(parsed.text).toContain(`Source: ${chart.source}`);
    for (const point of chart.points) expect(parsed.text).toContain(String(point.value));
    // Nothing from outside: no link, no stylesheet, no custom property, no HTML inside.
    for (const outside of ["href=", "url(", "var(", "<style", "foreignObject", "https:"]) {
      expect(svg.includes(outside), outside).toBe(false);
    }

    // Opened alone from the disk, with no page around it.
    const alone = await browser.newPage({ viewport: { width: 700, height: 800 } });
    await alone.goto(`file://${file}`);
    const shot = await alone.locator("svg").screenshot({ path: `${ARTIFACTS}svg-file-alone.png` });
    await alone.close();
    const pixels = pngPixels(shot);
    expect(pixels.width).toBe(640);
    expect(pixels.height).toBeGreaterThan(360 + 150);
    // The line and points in the line's colour, and dark text (title, labels, description).
    expect(pixels.line).toBeGreaterThan(600);
    expect(pixels.text).toBeGreaterThan(600);
  });

  test("on the logarithmic scale the link gives the logarithmic chart", async ({ page }) => {
    await openChart(page, "/?scale=log");
    const link = page.getByRole("link", { name: SVG_LINK });
    await expect(link).toHaveAttribute("href", `${chart.slug}-log-scale.svg`);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(`${chart.slug}-log-scale.svg`);
    const svg = readFileSync(await download.path(), "utf8");
    // The logarithmic axis's gridlines (README: 15, 30, 60: a steady doubling is straight).
    for (const tick of ["15", "30", "60"]) expect(svg).toContain(`>${tick}</text>`);
    await button(page, "Linear").click();
    await expect(link).toHaveAttribute("href", `${chart.slug}.svg`);
  });
});

test.describe("Copy image", () => {
  test("puts the PNG of 'Download image' on the clipboard and says 'Copied'", async ({ page, context }) => {
    await allowClipboard(context);
    await openChart(page);
    await button(page, "Copy image").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator(".action-status")).toHaveText("Copied: the chart as an image.");
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item.getType("image/png");
      const bitmap = await createImageBitmap(blob);
      return { types: item.types, width: bitmap.width, height: bitmap.height };
    });
    expect(copied.types).toContain("image/png");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download image (PNG)" }).click()]);
    const png = pngPixels(readFileSync(await download.path()));
    expect(copied.width).toBe(1280); // 640 CSS pixels at 2×, as the download
    expect([copied.width, copied.height]).toEqual([png.width, png.height]);
  });

  for (const [why, breakIt] of [
    ["without ClipboardItem", () => delete window.ClipboardItem],
    [
      "when the permission is denied",
      () => (navigator.clipboard.write = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"))),
    ],
  ]) {
    test(`${why}, the status line says so and the page carries on`, async ({ page }) => {
      await page.addInitScript(breakIt);
      await openChart(page);
      await button(page, "Copy image").click();
      await expect(page.locator(".action-status")).toHaveText(
        "The browser did not copy the image; “Download image (PNG)” saves it instead.",
      );
      // The chart still answers.
      await page.locator(CHART_FOCUS).focus();
      await page.keyboard.press("End");
      await expect(page.locator(".chart-tooltip")).toBeVisible();
    });
  }
});

test.describe("full screen", () => {
  test("Enter shows the figure full screen, the chart fills it, Esc leaves; keyboard only", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openChart(page);
    const canvas = page.locator(CHART_CANVAS);
    const before = await canvas.boundingBox();
    const toggle = page.locator(".chart-actions button.full-screen");
    await expect(toggle).toHaveAccessibleName("Full screen");
    await toggle.focus();
    const scrolled = await page.evaluate(() => scrollY);
    expect(scrolled, "the button is down the page").toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className)).toBe("chart-figure");
    await expect(toggle).toHaveAccessibleName("Exit full screen");
    await expect(button(page, "Exit full screen")).toBeVisible();
    await expect(toggle).toBeFocused();
    // The chart is redrawn to fill the screen: wider and taller than in the column, its
    // backing store at its new size.
    await expect.poll(async () => (await canvas.boundingBox()).width).toBeGreaterThan(1100);
    await page.screenshot({ path: `${ARTIFACTS}full-screen-1280.png` });
    const full = await canvas.boundingBox();
    // At least 60% of the screen's height, and all of it on the screen.
    expect(full.height).toBeGreaterThanOrEqual(0.6 * 800 - 1);
    expect(full.y + full.height).toBeLessThanOrEqual(800);
    // At devicePixelRatio 1, one backing pixel per CSS pixel.
    await expect.poll(() => canvas.evaluate((c) => [c.width, c.height])).toEqual([Math.round(full.width), Math.round(full.height)]);

    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await expect(toggle).toHaveAccessibleName("Full screen");
    await expect(toggle).toBeFocused();
    await expect.poll(async () => Math.round((await canvas.boundingBox()).width)).toBe(Math.round(before.width));
    // Back where the reader was, the focused button in view (Chromium left the page at the top).
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(scrolled);
    await expect(toggle).toBeInViewport();
  });

  test.describe("on a phone", () => {
    test.use({ hasTouch: true, isMobile: true });
    for (const [width, height] of [
      [844, 390],
      [667, 375],
      [640, 400],
      [390, 844],
    ]) {
      test(`${width} × ${height}: the chart and its axis on the screen; Exit stays on it, over neither the title nor the chart, however far the figure scrolls`, async ({ page }) => {
        await page.setViewportSize({ width, height });
        await openChart(page);
        await page.locator(".chart-actions button.full-screen").tap();
        await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className)).toBe("chart-figure");
        const exit = button(page, "Exit full screen");
        const onScreen = async (where) => {
          const box = await exit.boundingBox();
          expect(box, `Exit ${where}`).not.toBeNull();
          expect(box.y, `Exit's top ${where}`).toBeGreaterThanOrEqual(0);
          expect(box.y + box.height, `Exit's bottom ${where}`).toBeLessThanOrEqual(height);
          expect(box.x + box.width, `Exit's right ${where}`).toBeLessThanOrEqual(width);
          return box;
        };
        const top = await onScreen("at the top");
        const chart = await page.locator("#chart").boundingBox();
        expect(chart.y + chart.height, "the chart's bottom (its axis) at the top").toBeLessThanOrEqual(height);
        for (const covered of [".chart-title", "#chart"]) {
          const other = await page.locator(covered).boundingBox();
          expect(overlap(top, other), `Exit is clear of ${covered}`).toBe(false);
        }
        const scrolled = await page.evaluate(() => {
          const figure = document.fullscreenElement;
          figure.scrollTop = figure.scrollHeight;
          return figure.scrollTop;
        });
        expect(scrolled, "the figure is taller than the screen").toBeGreaterThan(0);
        await onScreen("with the figure scrolled to its end");
        await page.screenshot({ path: `${ARTIFACTS}full-screen-${width}x${height}.png` });
        await exit.tap();
        await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
      });
    }
  });

  test("where the browser cannot go full screen, there is no button", async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Document.prototype, "fullscreenEnabled", { get: () => false }));
    await openChart(page);
    await expect(page.locator("button.full-screen")).toHaveCount(1);
    await expect(page.locator("button.full-screen")).toBeHidden();
    await expect(button(page, "Share")).toBeVisible();
  });
});

test.describe("the row of actions", () => {
  const ROW = [
    ["link", "Get the data (CSV)"],
    ["link", "Download image (PNG)"],
    ["link", SVG_LINK],
    ["button", "Copy image"],
    ["button", "Share"],
    ["button", "Copy embed code"],
    ["button", "Full screen"],
  ];

  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"]) {
      test(`at ${width} px, ${colorScheme}: one tab stop each, in order, wrapped without overflow`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 900 });
        await openChart(page);
        const row = page.locator(".chart-actions");
        // Tab from the first action walks each control once, in reading order.
        await page.getByRole("link", { name: "Get the data (CSV)" }).focus();
        for (const [role, name] of ROW) {
          await expect(page.getByRole(role, { name, exact: true })).toBeFocused();
          await page.keyboard.press("Tab");
        }
        expect(await page.evaluate(() => document.activeElement.closest(".chart-actions"))).toBeNull();
        // Then the embed options, closed: one tab stop.
        await expect(page.locator(".embed-options > summary")).toBeFocused();
        await expect(page.locator(".embed-options")).not.toHaveAttribute("open");
        // Every action inside the figure's column, none overlapping another, the page no wider
        // than the window.
        const boxes = await row.evaluate((element) => {
          const figure = element.closest("figure").getBoundingClientRect();
          return {
            figure: [figure.left, figure.right],
            // The shown ones (the other scale's SVG link is not).
            actions: [...element.querySelectorAll(".action")].filter((a) => a.checkVisibility()).map((a) => a.getBoundingClientRect().toJSON()),
            pageWidth: document.documentElement.scrollWidth,
          };
        });
        expect(boxes.pageWidth).toBeLessThanOrEqual(width);
        for (const [i, a] of boxes.actions.entries()) {
          expect(a.left).toBeGreaterThanOrEqual(boxes.figure[0] - 0.5);
          expect(a.right).toBeLessThanOrEqual(boxes.figure[1] + 0.5);
          for (const b of boxes.actions.slice(i + 1)) {
            const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
            expect(apart, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
          }
        }
        await row.scrollIntoViewIfNeeded();
        await page.locator("figure.chart-figure").screenshot({ path: `${ARTIFACTS}actions-${width}-${colorScheme}.png` });
      });
    }
  }
});

test.describe("the actions' own module (js/actions.js)", () => {
  const ACTIONS = /\/actions-[0-9a-f]+\.js$/;

  test("loads only when a reader comes to the row, once, and then the actions work", async ({ page, context }) => {
    await allowClipboard(context);
    const loads = [];
    page.on("request", (request) => ACTIONS.test(request.url()) && loads.push(request.url()));
    await openChart(page);
    // A reader who reads, hovers the chart and uses its keys never downloads it.
    await page.locator(CHART_CANVAS).hover();
    await page.locator(CHART_FOCUS).focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(300);
    expect(loads).toEqual([]);
    // The pointer over the row fetches it, before any press.
    await button(page, "Share").hover();
    await expect.poll(() => loads.length).toBe(1);
    await button(page, "Share").click();
    await expect(page.locator(".action-status")).toHaveText("Copied: the link to this view of the chart.");
    await button(page, "Copy embed code").click();
    await expect(page.locator(".action-status")).toHaveText("Embed code copied to the clipboard.");
    expect(loads).toHaveLength(1);
  });

  test.describe("on a touch screen", () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 800 } });

    test("it comes once the app runs, so that the first tap finds it", async ({ page }) => {
      const loads = [];
      page.on("request", (request) => ACTIONS.test(request.url()) && loads.push(request.url()));
      await openChart(page);
      expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
      await expect.poll(() => loads.length).toBe(1);
    });
  });

  test.describe("when its download fails", () => {
    // The browser itself logs the failed request.
    test.use({ allowedConsole: /^error: Failed to load resource: net::ERR_FAILED \(http:\/\/127\.0\.0\.1:\d+\/actions-[0-9a-f]+\.js\)$/ });

    test("a press before it arrives waits for it; a failed download says so, and the next press tries again", async ({ page, context }) => {
      await allowClipboard(context);
      let refuse = true;
      await page.route(ACTIONS, (route) => (refuse ? route.abort() : route.continue()));
      await openChart(page);
      // A press from software, without a pointer or the focus coming first.
      await page.evaluate(() => [...document.querySelectorAll(".chart-actions button")].find((b) => b.textContent === "Share").click());
      const line = page.locator(".action-status");
      await expect(line).toHaveText("The page could not load what this button needs. Try again.");
      refuse = false;
      await button(page, "Share").click();
      await expect(line).toHaveText("Copied: the link to this view of the chart.");
    });
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the three file links show and work; the controls that need the app do not", async ({ page, request }) => {
    await page.goto("/");
    const svgLink = page.getByRole("link", { name: SVG_LINK });
    const pngLink = page.getByRole("link", { name: "Download image (PNG)" });
    await expect(svgLink).toBeVisible();
    await expect(pngLink).toBeVisible();
    await expect(page.getByRole("link", { name: "Get the data (CSV)" })).toBeVisible();
    for (const name of ["Share", "Copy image", "Full screen"]) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    const response = await request.get(new URL(await svgLink.getAttribute("href"), page.url()).href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("image/svg+xml");
    expect(await response.text()).toContain(`<title>${chart.title}</title>`);
    const png = await request.get(new URL(await pngLink.getAttribute("href"), page.url()).href);
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    // A PNG 1280 px wide (640 CSS px at 2×): the width is bytes 16 to 19 of its header.
    const bytes = await png.body();
    expect(bytes.readUInt32BE(16)).toBe(1280);
    expect(await pngLink.getAttribute("download")).toBe(`${chart.slug}.png`);
  });
});
