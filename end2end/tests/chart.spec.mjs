// The chart: sizes at every width and pixel ratio, hover, touch, keyboard, themes.
import {
  test,
  expect,
  CHART_CANVAS,
  CHART_FOCUS,
  VALUES,
  CONTENT,
  openChart,
  sweepTooltips,
  expectOnScale,
  expectCanvasFitsBox,
} from "./fixtures.mjs";
import { readChartCanvas } from "../shared.mjs";

const unit = CONTENT.chart.unit;

test("the benchmark's marks: the static chart drawn at first paint, then the canvas, in #chart", async ({ page }) => {
  await openChart(page);
  await expect(page.locator(CHART_CANVAS)).toHaveCount(1);
  const marks = await page.evaluate(() =>
    ["first-contentful-paint", "chart-drawn", "chart-interactive"].map((name) =>
      performance.getEntriesByName(name).map((entry) => entry.startTime),
    ),
  );
  const [[firstPaint], drawn, interactive] = marks;
  expect(drawn).toEqual([firstPaint]);
  expect(interactive).toHaveLength(1);
  expect(interactive[0]).toBeGreaterThanOrEqual(firstPaint);
});

test("hovering shows each point's value, period and change", async ({ page }) => {
  await openChart(page);
  await page.locator("#chart").scrollIntoViewIfNeeded();
  const seen = await sweepTooltips(page);
  expect(seen.values).toEqual(VALUES.map((v) => `${v} ${unit}`));
  // Each marker stands on the drawn line, at a height proportional to its value.
  await expectOnScale(page, seen.markers, "linear");
  // The middle of the chart is nearest the middle point: its change from the first.
  const box = await page.locator(CHART_CANVAS).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tooltip = page.locator(".chart-tooltip");
  await expect(tooltip).toContainText(`${VALUES[1]} ${unit}`);
  await expect(tooltip).toContainText("+20 people, +133%");
  // Leaving the chart with the mouse closes the tooltip.
  await page.mouse.move(box.x + box.width / 2, box.y - 40);
  await expect(tooltip).toBeHidden();
});

test("Escape closes a tooltip the mouse opened, without moving it and wherever the focus is (WCAG 1.4.13)", async ({ page }) => {
  await openChart(page);
  const tooltip = page.locator(".chart-tooltip");
  // The focus on the page, then on a control outside the chart.
  for (const focus of [() => page.evaluate(() => document.activeElement.blur()), () => page.getByRole("button", { name: "Table", exact: true }).focus()]) {
    await focus();
    await page.locator("#chart").scrollIntoViewIfNeeded();
    const box = await page.locator(CHART_CANVAS).boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(tooltip).toContainText(`${VALUES[1]} ${unit}`);
    await page.keyboard.press("Escape");
    await expect(tooltip).toBeHidden();
    await expect(page.locator("#chart-live")).toHaveText("");
    // It stays closed while the mouse rests; moving it opens the tooltip again.
    await page.waitForTimeout(200);
    await expect(tooltip).toBeHidden();
    await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2);
    await expect(tooltip).toBeVisible();
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
  }
});

for (const width of [1280, 375, 320]) {
  test(`at ${width} px the mouse can move onto each point's tooltip and it stays that point's (WCAG 1.4.13 hoverable)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    // No entrance animation as the chart scrolls into view: until it ends, no tooltip shows.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await openChart(page);
    await page.locator("#chart").scrollIntoViewIfNeeded();
    const canvas = await page.locator(CHART_CANVAS).boundingBox();
    const tooltip = page.locator(".chart-tooltip");
    // Where each point is: its marker, found by hovering (CSS pixels on the page).
    const { markers } = await sweepTooltips(page);
    expect(markers).toHaveLength(VALUES.length);
    const points = markers.map(([x, y]) => [canvas.x + x, canvas.y + y]);
    for (const [i, [x, y]] of points.entries()) {
      await page.mouse.move(x, y);
      await expect(tooltip).toContainText(`${VALUES[i]} ${unit}`);
      const box = await tooltip.boundingBox();
      // From the point onto the tooltip, then across it: a 5 × 5 grid of spots, but none at or
      // beyond another point's column (its ring and value label, and above and below them),
      // where the pointer meets that point, as a pointer scrubbing along the chart must.
      const onMark = (px) => points.some(([ox], j) => j !== i && Math.min(x, px) - 30 < ox && ox < Math.max(x, px) + 30);
      const spots = [];
      for (let gx = 1; gx <= 5; gx++) {
        for (let gy = 1; gy <= 5; gy++) spots.push([box.x + (box.width * gx) / 6, box.y + (box.height * gy) / 6]);
      }
      const reachable = spots.filter(([sx]) => !onMark(sx));
      expect(reachable.length, "spots on the tooltip this side of other points").toBeGreaterThanOrEqual(5);
      for (const [sx, sy] of reachable) {
        await page.mouse.move(sx, sy, { steps: 2 });
        await expect(tooltip, `point ${i}'s tooltip, the mouse at ${Math.round(sx - box.x)}, ${Math.round(sy - box.y)} on it`).toContainText(`${VALUES[i]} ${unit}`);
        await expect(tooltip).toBeVisible();
      }
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y - 40);
      await expect(tooltip).toBeHidden();
    }
  });
}

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } });

  test("tapping near a point selects it and keeps the tooltip", async ({ page }) => {
    await openChart(page);
    await page.locator("#chart").scrollIntoViewIfNeeded();
    const box = await page.locator(CHART_CANVAS).boundingBox();
    await page.touchscreen.tap(box.x + box.width - 20, box.y + box.height / 2);
    await expect(page.locator(".chart-tooltip")).toBeVisible();
    await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(`${VALUES.at(-1)} ${unit}`);
    await page.touchscreen.tap(box.x + 30, box.y + box.height / 2);
    await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(`${VALUES[0]} ${unit}`);
  });
});

test("the keyboard walks the points and the walk is announced", async ({ page }) => {
  await openChart(page);
  const chart = page.locator(CHART_FOCUS);
  for (let i = 0; i < 30 && !(await chart.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(chart).toBeFocused();
  await expect(chart).toHaveAttribute("tabindex", "0");
  // The focus ring is visible.
  const outline = await chart.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");

  const live = page.locator("[aria-live]");
  // The first point has no change since a previous one.
  const change = page.locator(".chart-tooltip .tooltip-change");
  for (const [i, value] of VALUES.entries()) {
    await page.keyboard.press("ArrowRight");
    await expect(live).toContainText(`Point ${i + 1} of ${VALUES.length}`);
    await expect(live).toContainText(`${value} ${unit}`);
    await expect(page.locator(".chart-tooltip")).toBeVisible();
    await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(`${value} ${unit}`);
    await (i === 0 ? expect(change).toBeHidden() : expect(change).toContainText("since"));
  }
  await page.keyboard.press("Home");
  await expect(live).toContainText(`${VALUES[0]} ${unit}`);
  await expect(change).toBeHidden();
  await page.keyboard.press("End");
  await expect(live).toContainText(`${VALUES.at(-1)} ${unit}`);
  await page.keyboard.press("ArrowLeft");
  await expect(live).toContainText(`${VALUES.at(-2)} ${unit}`);
  await page.keyboard.press("Escape");
  await expect(page.locator(".chart-tooltip")).toBeHidden();
  // Only one tab stop: the next Tab leaves the chart.
  await page.keyboard.press("Tab");
  await expect(chart).not.toBeFocused();
});

for (const width of [320, 375, 768, 1280, 1920]) {
  test(`at ${width} px the chart fills its container and nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const chart = await openChart(page);
    const sizes = await chart.evaluate((box) => {
      const canvas = box.querySelector("canvas");
      return {
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        box: box.clientWidth,
        canvasCss: canvas.clientWidth,
        canvasHeightCss: canvas.clientHeight,
        backing: [canvas.width, canvas.height],
      };
    });
    expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
    expect(sizes.canvasCss).toBe(sizes.box);
    expect(sizes.backing).toEqual([sizes.canvasCss, sizes.canvasHeightCss]);
  });
}

test("the chart redraws when the window is resized", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const chart = await openChart(page);
  const before = await chart.evaluate((box) => box.querySelector("canvas").width);
  await page.setViewportSize({ width: 400, height: 900 });
  await expectCanvasFitsBox(page);
  expect(before).toBeGreaterThan(400);
});

test.describe("on a 2× screen", () => {
  test.use({ deviceScaleFactor: 2 });

  test("the backing store is twice the CSS size", async ({ page }) => {
    const chart = await openChart(page);
    const { css, backing } = await chart.evaluate((box) => {
      const canvas = box.querySelector("canvas");
      const rect = canvas.getBoundingClientRect();
      return { css: [rect.width, rect.height], backing: [canvas.width, canvas.height] };
    });
    expect(backing[0]).toBe(Math.round(css[0] * 2));
    expect(backing[1]).toBe(Math.round(css[1] * 2));
  });
});

/** Mean luminance (0–1) of the page background and of the chart's painted pixels. */
async function luminances(page) {
  const canvas = await page.evaluate(readChartCanvas);
  return { page: canvas.pageLuminance, chart: canvas.paintedLuminance, painted: canvas.painted };
}

test("dark mode darkens the page and the chart", async ({ page }) => {
  const measured = {};
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    await openChart(page);
    measured[colorScheme] = await luminances(page);
  }
  expect(measured.light.painted).toBeGreaterThan(1000);
  expect(measured.light.page - measured.dark.page).toBeGreaterThan(0.5);
  expect(measured.light.chart - measured.dark.chart).toBeGreaterThan(0.3);
});

test("the chart follows a switch to dark mode without a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await openChart(page);
  const light = await luminances(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(async () => (await luminances(page)).chart).toBeLessThan(light.chart - 0.3);
});
