// The page under the reader's own conditions: Windows contrast themes (forced colours) in both
// schemes, the WCAG 1.4.12 text-spacing stylesheet, 320 CSS px (a 1280 px window at 400 %),
// and a finger tapping each point on a phone.
import { test, expect, CONTENT, VALUES, CHART_FOCUS, openChart, axeViolations, ARTIFACTS, overlap } from "./fixtures.mjs";

const unit = CONTENT.chart.unit;

/** WCAG contrast ratio of two `[r, g, b]` (0–255). */
function contrast(a, b) {
  const luminance = (c) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Focuses the chart (its one tab stop) from the top of the page. */
async function focusChart(page) {
  const chart = page.locator(CHART_FOCUS);
  for (let i = 0; i < 30 && !(await chart.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(chart).toBeFocused();
  return chart;
}

/** With the chart focused, selects each point from the keyboard, first to last, and hands
 * `check` its value, its tooltip's box and its index. */
async function eachTooltip(page, check) {
  await page.keyboard.press("Home");
  for (const [i, value] of VALUES.entries()) {
    await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(`${value} ${unit}`);
    await check(value, await page.locator(".chart-tooltip").boundingBox(), i);
    await page.keyboard.press("ArrowRight");
  }
}

// Chromium's emulated contrast themes, by hand (Canvas, CanvasText, LinkText, GrayText as the
// browser resolves them; the chart's own colours are #1f5fa8 and #72b4ff).
const FORCED = {
  light: { canvas: [255, 255, 255], text: [0, 0, 0], link: [0, 0, 0x9f], gray: [0x60, 0, 0], own: [0x1f, 0x5f, 0xa8] },
  dark: { canvas: [0, 0, 0], text: [255, 255, 255], link: [255, 255, 0], gray: [0x3f, 0xf2, 0x3f], own: [0x72, 0xb4, 0xff] },
};

for (const scheme of ["light", "dark"]) {
  test(`forced colours (${scheme}): the chart is drawn in the system colours, and every mark shows`, async ({ page }) => {
    const colours = FORCED[scheme];
    await page.emulateMedia({ forcedColors: "active", colorScheme: scheme });
    await openChart(page);
    // The canvas's pixels: how many are each colour, or that colour blended with Canvas (a
    // 1 px line between two pixel rows is drawn half strength in both).
    const counts = await page.evaluate((wanted) => {
      const canvas = document.querySelector("#chart canvas.chart-canvas");
      const copy = document.createElement("canvas");
      [copy.width, copy.height] = [canvas.width, canvas.height];
      const context = copy.getContext("2d", { willReadFrequently: true });
      context.drawImage(canvas, 0, 0);
      const data = context.getImageData(0, 0, copy.width, copy.height).data;
      const { canvas: background, ...colours } = wanted;
      const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] < 255) continue;
        const pixel = [data[i], data[i + 1], data[i + 2]];
        for (const [name, colour] of Object.entries(colours)) {
          // pixel = background + t × (colour − background), the same t in every channel.
          const spans = colour.map((c, k) => c - background[k]);
          const k = spans.findIndex((d) => Math.abs(d) === Math.max(...spans.map(Math.abs)));
          const t = (pixel[k] - background[k]) / spans[k];
          const fits = pixel.every((p, j) => Math.abs(background[j] + t * spans[j] - p) <= 3);
          if (t >= 0.4 && t <= 1.01 && fits) counts[name]++;
        }
      }
      return counts;
    }, colours);
    // The line and points in LinkText, the labels and axis in CanvasText, the grid in GrayText;
    // none of the chart's own blue.
    expect(counts.link, "line and points in LinkText").toBeGreaterThan(500);
    expect(counts.text, "labels, axis and the band's outline in CanvasText").toBeGreaterThan(200);
    expect(counts.gray, "gridlines in GrayText").toBeGreaterThan(200);
    expect(counts.own, "the theme's own line colour").toBe(0);

    // The page behind the chart is Canvas; the marker ring, the focus ring and the tooltip
    // stand out from it.
    const chart = await focusChart(page);
    await page.keyboard.press("End");
    await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(`${VALUES.at(-1)} ${unit}`);
    const styles = await page.evaluate(() => {
      const rgb = (text) => text.match(/\d+/g).slice(0, 3).map(Number);
      const marker = getComputedStyle(document.querySelector(".chart-marker"), "::before");
      const focus = getComputedStyle(document.querySelector("#chart .chart-focus"));
      const tooltip = getComputedStyle(document.querySelector(".chart-tooltip"));
      return {
        page: rgb(getComputedStyle(document.body).backgroundColor),
        ring: rgb(marker.borderTopColor),
        focus: rgb(focus.outlineColor),
        focusStyle: focus.outlineStyle,
        tooltipText: rgb(tooltip.color),
        tooltipBackground: rgb(tooltip.backgroundColor),
        tooltipBorder: rgb(tooltip.borderTopColor),
      };
    });
    expect(styles.page).toEqual(colours.canvas);
    expect(contrast(styles.ring, styles.page), "marker ring").toBeGreaterThanOrEqual(3);
    expect(styles.focusStyle).toBe("solid");
    expect(contrast(styles.focus, styles.page), "focus ring").toBeGreaterThanOrEqual(3);
    expect(contrast(styles.tooltipText, styles.tooltipBackground), "tooltip text").toBeGreaterThanOrEqual(4.5);
    expect(contrast(styles.tooltipBorder, styles.page), "tooltip border").toBeGreaterThanOrEqual(3);

    // The switches' pressed buttons: their words stand out from their fill, and from the
    // backplate (Canvas) the browser draws behind text unless the element opts out of it.
    const pressed = await page.evaluate(() =>
      [...document.querySelectorAll('.segmented button[aria-pressed="true"]')].map((button) => {
        const rgb = (text) => text.match(/\d+/g).slice(0, 3).map(Number);
        const style = getComputedStyle(button);
        return { name: button.textContent, text: rgb(style.color), fill: rgb(style.backgroundColor), plate: style.forcedColorAdjust !== "none" };
      }),
    );
    expect(pressed.map((b) => b.name)).toEqual(["Chart", "Linear"]);
    for (const button of pressed) {
      expect(contrast(button.text, button.fill), `"${button.name}" on its fill`).toBeGreaterThanOrEqual(4.5);
      if (button.plate) expect(contrast(button.text, colours.canvas), `"${button.name}" on the backplate`).toBeGreaterThanOrEqual(4.5);
    }
    await chart.screenshot({ path: `${ARTIFACTS}forced-colours-${scheme}.png` });
    expect(await axeViolations(page)).toEqual([]);
  });
}

// WCAG 1.4.12's test values. The policy's `style-src 'self'` blocks an injected <style>, so the
// stylesheet is served from the page's own origin by a route and linked (no CSP bypass).
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p, li, dd, dt, figcaption { margin-bottom: 2em !important; }`;

/** In the page: elements whose content is cut by their box, and the page's sideways overflow. */
function clipped() {
  const cut = [];
  for (const element of document.querySelectorAll("body *")) {
    // Visually hidden on purpose (screen reader text, the hidden table), or not shown.
    if (element.closest(".visually-hidden, [hidden]") || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    const clips = (value) => value !== "visible";
    const overX = element.scrollWidth > element.clientWidth + 1 && clips(style.overflowX);
    const overY = element.scrollHeight > element.clientHeight + 1 && clips(style.overflowY);
    // `overflow: auto` scrolls rather than cuts, but a scroll bar inside the column still hides
    // text from a reader who does not see it: count it too.
    if (overX || overY) cut.push(`${element.tagName.toLowerCase()}.${element.className}`);
    // Text wider than a control that does not wrap it.
    if (element.matches("button, a") && element.scrollWidth > element.clientWidth + 1) {
      cut.push(`${element.tagName.toLowerCase()} "${element.textContent}" is wider than its box`);
    }
  }
  return { cut, sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth };
}

for (const width of [320, 375, 1280]) {
  test(`text spacing (WCAG 1.4.12) at ${width} px: nothing is cut off`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.route("**/text-spacing.css", (route) =>
      route.fulfill({ status: 200, contentType: "text/css", body: TEXT_SPACING }),
    );
    await openChart(page);
    await page.addStyleTag({ url: "/text-spacing.css" });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).wordSpacing)).not.toBe("0px");
    // The canvas's labels are drawn where the drawing places them, unspaced (Chromium would
    // space the canvas's text by the element's letter-spacing, pushing them off its edge).
    expect(await page.locator(".chart-canvas").evaluate((canvas) => getComputedStyle(canvas).letterSpacing)).toMatch(/^(normal|0px)$/);
    // With each point's tooltip open: all of it on screen, then with the table shown.
    await focusChart(page);
    for (const key of ["Home", "ArrowRight", "ArrowRight"]) {
      await page.keyboard.press(key);
      await expect(page.locator(".chart-tooltip")).toBeVisible();
      const { left, right } = await page.locator(".chart-tooltip").evaluate((tip) => tip.getBoundingClientRect());
      expect(left, key).toBeGreaterThanOrEqual(0);
      expect(right, key).toBeLessThanOrEqual(width);
      expect(await page.evaluate(clipped)).toEqual({ cut: [], sideways: 0 });
    }
    await page.locator(".chart-figure").screenshot({ path: `${ARTIFACTS}text-spacing-${width}.png` });
    await page.getByRole("button", { name: "Table", exact: true }).click();
    await expect(page.getByRole("table")).toBeVisible();
    expect(await page.evaluate(clipped)).toEqual({ cut: [], sideways: 0 });
  });
}

// Text alone at 200 % (WCAG 1.4.4), as a browser's text size setting makes it: on a phone too,
// every line wraps within the width and nothing is cut off.
for (const width of [320, 375]) {
  test(`text at 200 % on a ${width} px phone: nothing scrolls sideways or is cut off`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    await page.route("**/text-200.css", (route) =>
      route.fulfill({ status: 200, contentType: "text/css", body: "html { font-size: 200% !important; }" }),
    );
    await openChart(page);
    await page.addStyleTag({ url: "/text-200.css" });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("32px");
    expect(await page.evaluate(clipped)).toEqual({ cut: [], sideways: 0 });
    // The data table may scroll within its own frame (as WCAG 1.4.10 allows a data table);
    // the page does not.
    await page.getByRole("button", { name: "Table", exact: true }).click();
    await expect(page.getByRole("table")).toBeVisible();
    const { cut, sideways } = await page.evaluate(clipped);
    expect({ cut: cut.filter((element) => element !== "div.table-wrap"), sideways }).toEqual({ cut: [], sideways: 0 });
  });
}

test("at 320 px (a 1280 px window at 400 %) nothing is lost", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openChart(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // Every control: reached by Tab, on screen when focused, whole within the width.
  const reached = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const rect = element.getBoundingClientRect();
      return {
        name: element.textContent.trim() || element.getAttribute("aria-label") || element.className,
        left: rect.left,
        right: rect.right,
        top: rect.top,
        bottom: rect.bottom,
        visible: getComputedStyle(element).visibility === "visible",
      };
    });
    if (!focused || reached.some((r) => r.name === focused.name)) break;
    reached.push(focused);
    expect(focused.visible, focused.name).toBe(true);
    expect(focused.left, focused.name).toBeGreaterThanOrEqual(0);
    expect(focused.right, focused.name).toBeLessThanOrEqual(320);
    expect(focused.bottom, focused.name).toBeGreaterThan(0);
    expect(focused.top, focused.name).toBeLessThan(640);
  }
  // The chart, both switches and the actions (by hand: 1 + 2 + 2 + 3).
  expect(reached.map((r) => r.name)).toEqual(
    expect.arrayContaining(["Chart", "Table", "Linear", "Logarithmic", "Get the data (CSV)", "Download image (PNG)", "Copy embed code"]),
  );
  expect(reached.length).toBeGreaterThanOrEqual(8);
  // The chart is legible: its box fills the column, and each point's tooltip stays on screen.
  const box = await page.locator("#chart").boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(280);
  await focusChart(page);
  await eachTooltip(page, (value, tip) => {
    expect(tip.x, `${value}: tooltip's left edge`).toBeGreaterThanOrEqual(0);
    expect(tip.x + tip.width, `${value}: tooltip's right edge`).toBeLessThanOrEqual(320);
  });
  await page.locator(".chart-figure").screenshot({ path: `${ARTIFACTS}width-320.png` });
});

test("in a 320 × 200 window (1280 × 800 at 400 %), where the chart is taller than the screen, each point's tooltip is on the screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 200 });
  await openChart(page);
  await focusChart(page);
  const box = await page.locator("#chart").boundingBox();
  expect(box.height, "the chart is taller than the window").toBeGreaterThan(200);
  await eachTooltip(page, async (value, tip, i) => {
    expect(tip.y, `${value}: tooltip's top`).toBeGreaterThanOrEqual(0);
    expect(tip.y + tip.height, `${value}: tooltip's bottom`).toBeLessThanOrEqual(200);
    expect(tip.x, `${value}: tooltip's left edge`).toBeGreaterThanOrEqual(0);
    expect(tip.x + tip.width, `${value}: tooltip's right edge`).toBeLessThanOrEqual(320);
    await page.screenshot({ path: `${ARTIFACTS}window-320x200-${i}.png` });
  });
});

test("at 280 px the embed options' checkbox has its words beside it", async ({ page }) => {
  await page.setViewportSize({ width: 280, height: 600 });
  await openChart(page);
  await page.locator(".embed-options summary").click();
  const checkbox = page.locator("#embed-plain");
  await expect(checkbox).toBeVisible();
  const [box, firstLine] = await checkbox.evaluate((input) => {
    const words = [...input.parentElement.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
    const range = document.createRange();
    range.selectNodeContents(words);
    const line = range.getClientRects()[0];
    const rect = input.getBoundingClientRect();
    return [rect.toJSON(), line.toJSON()];
  });
  // The first line of the words level with the checkbox, to its right.
  expect(firstLine.left).toBeGreaterThan(box.right);
  expect(Math.abs(firstLine.top + firstLine.height / 2 - (box.top + box.height / 2))).toBeLessThan(box.height);
});


test.describe("on a phone", () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } });

  // 375 px; 320 and 360, where the tooltip is narrower (a 320 px phone, 400% zoom).
  for (const width of [375, 360, 320]) {
  test(`at ${width} px a tap on each point shows its value, and the tooltip covers no point and no value label`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    await openChart(page);
    await page.locator("#chart").scrollIntoViewIfNeeded();
    // Where the points are: the marker stands on each in turn as the keyboard walks them.
    await focusChart(page);
    await page.keyboard.press("Home");
    const centres = [];
    for (const value of VALUES) {
      await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(`${value} ${unit}`);
      const marker = await page.locator(".chart-marker").boundingBox();
      centres.push([marker.x, marker.y]);
      await page.keyboard.press("ArrowRight");
    }
    await page.keyboard.press("Escape");
    await page.evaluate(() => document.activeElement.blur());
    // The value label: bold 14 px digits centred above the point, their baseline 12 px above
    // its centre (src/chart/draw.rs); its width measured in the chart's font.
    const labelWidths = await page.evaluate(
      (values) => {
        const context = document.createElement("canvas").getContext("2d");
        context.font = `bold 14px ${getComputedStyle(document.querySelector(".chart-figure")).fontFamily}`;
        return values.map((v) => context.measureText(v).width);
      },
      VALUES.map((v) => Number(v).toLocaleString("en-US")),
    );
    // Each point with its selection ring (radius 9 px), and its label with 2 px to spare.
    const clear = centres.flatMap(([x, y], i) => [
      { what: `point ${VALUES[i]}`, x: x - 9, y: y - 9, width: 18, height: 18 },
      { what: `label ${VALUES[i]}`, x: x - labelWidths[i] / 2 - 2, y: y - 12 - 14 - 2, width: labelWidths[i] + 4, height: 14 + 4 },
    ]);
    for (const [i, [x, y]] of centres.entries()) {
      await page.touchscreen.tap(x, y);
      const value = page.locator(".chart-tooltip .tooltip-value");
      await expect(value).toHaveText(`${VALUES[i]} ${unit}`);
      const tooltip = await page.locator(".chart-tooltip").boundingBox();
      expect(clear.filter((box) => overlap(tooltip, box)).map((box) => box.what), `${VALUES[i]}'s tooltip covers`).toEqual([]);
      // Inside the chart's box.
      const chart = await page.locator("#chart").boundingBox();
      expect(tooltip.x).toBeGreaterThanOrEqual(chart.x);
      expect(tooltip.x + tooltip.width).toBeLessThanOrEqual(chart.x + chart.width + 0.5);
      await page.screenshot({ path: `${ARTIFACTS}tap-${width}-${VALUES[i]}.png`, clip: await page.locator("#chart").boundingBox() });
    }
  });
  }

  test("a vertical swipe that starts on the chart scrolls the page and selects no point", async ({ page, context }) => {
    await openChart(page);
    await page.evaluate(() => document.getElementById("chart").scrollIntoView({ block: "center" }));
    const box = await page.locator("#chart canvas").boundingBox();
    const [x, y] = [Math.round(box.x + box.width * 0.3), Math.round(box.y + box.height / 2)];
    const before = await page.evaluate(() => scrollY);
    // A finger's swipe up, as the touchscreen sends it (Playwright's touchscreen only taps).
    const cdp = await context.newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
    for (let step = 1; step <= 12; step++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y - (150 * step) / 12 }] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before + 50);
    await expect(page.locator(".chart-tooltip")).toBeHidden();
    await expect(page.locator("#chart-live")).toHaveText("");
  });

  test("the tooltip stays through a second tap on its point and a tap on the chart's controls, and a tap outside closes it", async ({ page }) => {
    await openChart(page);
    await page.locator("#chart").scrollIntoViewIfNeeded();
    await focusChart(page);
    await page.keyboard.press("End");
    const marker = await page.locator(".chart-marker").boundingBox();
    await page.keyboard.press("Escape");
    await page.evaluate(() => document.activeElement.blur());
    const tooltip = page.locator(".chart-tooltip");
    await expect(tooltip).toBeHidden();
    for (let tap = 0; tap < 2; tap++) {
      await page.touchscreen.tap(marker.x, marker.y);
      await expect(tooltip.locator(".tooltip-value")).toHaveText(`${VALUES.at(-1)} ${unit}`);
      await expect(tooltip).toBeVisible();
    }
    // On a control of the chart (Share's link must keep the point): the point stays.
    const chartButton = page.locator(".segmented button", { hasText: /^Chart$/ });
    await chartButton.scrollIntoViewIfNeeded();
    const button = await chartButton.boundingBox();
    await page.touchscreen.tap(button.x + button.width / 2, button.y + button.height / 2);
    await expect(page.locator("#chart-live")).toContainText(`${VALUES.at(-1)} ${unit}`);
    // On the chart's title, outside the chart and its controls.
    await page.locator("#chart-title").scrollIntoViewIfNeeded();
    const title = await page.locator("#chart-title").boundingBox();
    await page.touchscreen.tap(title.x + 10, title.y + title.height / 2);
    await expect(tooltip).toBeHidden();
  });
});
