// Reader features: chart/table, description, log scale, key figures, downloads, URL state,
// embedding, motion and print.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, CHART_CANVAS, CHART_FOCUS, CONTENT, VALUES, openChart, ARTIFACTS } from "./fixtures.mjs";

const { chart } = CONTENT;
const button = (page, name) => page.getByRole("button", { name, exact: true });

/** A copy of the chart canvas's pixels, as a data URL (reading the app's canvas directly warns). */
const canvasImage = (page) =>
  page.evaluate(() => {
    const canvas = document.querySelector("#chart canvas.chart-canvas");
    const copy = document.createElement("canvas");
    [copy.width, copy.height] = [canvas.width, canvas.height];
    copy.getContext("2d").drawImage(canvas, 0, 0);
    return copy.toDataURL();
  });

test("the table is one click away, and always there for screen readers", async ({ page }) => {
  await openChart(page);
  // In the chart view the table is in the accessibility tree, visually hidden.
  const table = page.getByRole("table");
  await expect(table).toHaveCount(1);
  await expect(table).not.toBeInViewport();
  await button(page, "Table").click();
  await expect(button(page, "Table")).toHaveAttribute("aria-pressed", "true");
  await expect(table).toBeVisible();
  await expect(page.locator("#chart")).toBeHidden();
  // The caption names the table for screen readers; on screen the subtitle just above says it.
  await expect(table.locator("caption")).toHaveText(chart.subtitle);
  expect((await table.locator("caption").boundingBox()).height).toBeLessThanOrEqual(1);
  await expect(table.locator("thead th")).toHaveCount(3);
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(VALUES.length);
  for (const [i, value] of VALUES.entries()) {
    await expect(rows.nth(i).locator("th")).toHaveAttribute("scope", "row");
    await expect(rows.nth(i).locator("td").first()).toHaveText(value);
  }
  await expect(rows.nth(1)).toContainText("+20 people, +133%");
  await page.screenshot({ path: `${ARTIFACTS}table-view.png` });
  // And back, by keyboard.
  await button(page, "Chart").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#chart")).toBeVisible();
  await expect(table).not.toBeInViewport();
});

test("the description is generated from the data and describes the chart", async ({ page }) => {
  await openChart(page);
  const box = page.locator(CHART_FOCUS);
  const description = page.locator("#chart-description");
  const first = chart.points[0];
  const last = chart.points.at(-1);
  await expect(description).toContainText(`from ${first.value} in ${first.period} to ${last.value} in ${last.period}`);
  await expect(description).toContainText("roughly doubling every year");
  await expect(description).toContainText("approximate");
  expect(await box.getAttribute("aria-describedby")).toContain("chart-description");
});

test("the logarithmic scale redraws the chart and says what it does", async ({ page }) => {
  await openChart(page);
  const linear = await canvasImage(page);
  await expect(page.locator("#scale-note")).toBeHidden();
  await button(page, "Logarithmic").click();
  await expect(button(page, "Logarithmic")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("#scale-note")).toBeVisible();
  await expect(page.locator("#scale-note")).toContainText("double");
  await expect.poll(() => canvasImage(page)).not.toBe(linear);
  await page.locator("figure").screenshot({ path: `${ARTIFACTS}log-scale.png` });
  // Every point is still reachable and labelled by hover.
  await button(page, "Linear").click();
  await expect.poll(() => canvasImage(page)).toBe(linear);
});

test("the key figures panel works out the average", async ({ page }) => {
  await page.goto("/");
  const panel = page.locator(".key-figures");
  const { count, total, average } = CONTENT.key_figures;
  await expect(panel).toContainText(count.value.toLocaleString("en-GB"));
  await expect(panel).toContainText(total.value.toLocaleString("en-GB"));
  const each = ((total.value * average.per_total_unit) / count.value).toFixed(1);
  await expect(panel.locator("dd").last()).toContainText(each);
  await expect(panel.locator(".key-figures-note")).toContainText(
    `${total.value.toLocaleString("en-GB")} ${total.unit} × ${average.per_total_unit} ${average.unit} ÷ ` +
      `${count.value.toLocaleString("en-GB")} ${count.unit} = ${each} ${average.unit}`,
  );
});

test("the key figures stand in one row, each above its label", async ({ page }) => {
  // 1280 px wide: three columns, and the last label takes two lines.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  const boxes = await page.locator(".key-figures dl > div").evaluateAll((cells) =>
    cells.map((cell) => ({
      figure: cell.querySelector("dd").getBoundingClientRect().toJSON(),
      label: cell.querySelector("dt").getBoundingClientRect().toJSON(),
    })),
  );
  expect(boxes).toHaveLength(3);
  expect(new Set(boxes.map((b) => Math.round(b.figure.y))).size).toBe(1);
  expect(new Set(boxes.map((b) => Math.round(b.label.height))).size).toBeGreaterThan(1);
  for (const { figure, label } of boxes) expect(label.y).toBeGreaterThanOrEqual(figure.bottom - 1);
});

test("'Get the data' downloads the CSV", async ({ page }) => {
  await openChart(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Get the data (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${chart.slug}.csv`);
  const text = readFileSync(await download.path(), "utf8");
  const [header, ...rows] = text.trim().split("\n");
  expect(header.split(",")).toEqual(["period", "date", "date_is_approximate", chart.unit, "source"]);
  expect(rows).toHaveLength(chart.points.length);
  for (const [i, point] of chart.points.entries()) {
    const cells = rows[i].split(",");
    expect(cells[0]).toBe(point.period);
    expect(cells[1]).toMatch(/^\d{4}-\d{2}$/);
    expect(cells[1]).toBe(point.date);
    expect(cells[3]).toBe(String(point.value));
    expect(cells[4]).toBe(chart.source);
  }
});

test("'Download image' gives a 2× PNG with title, chart and source", async ({ page }) => {
  await openChart(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    button(page, "Download image (PNG)").click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${chart.slug}.png`);
  const png = readFileSync(await download.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBe(1280); // 640 CSS pixels at 2×
  expect(height).toBeGreaterThan(2 * 360 + 200); // the chart plus title and text lines
  const path = `${ARTIFACTS}download.png`;
  await download.saveAs(path);
});

test.describe("the URL keeps the view", () => {
  test("view, scale and point round-trip through a reload, and back works", async ({ page }) => {
    await openChart(page);
    await button(page, "Table").click();
    await expect(page).toHaveURL(/\?view=table$/);
    await button(page, "Chart").click();
    await button(page, "Logarithmic").click();
    await expect(page).toHaveURL(/\?scale=log$/);
    await page.locator(CHART_FOCUS).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(/\?scale=log&point=2$/);

    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName("chart-interactive").length > 0);
    await expect(button(page, "Logarithmic")).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(`${VALUES[1]} ${chart.unit}`);

    await page.goBack();
    await expect(button(page, "Linear")).toHaveAttribute("aria-pressed", "true");
    await page.goBack();
    await expect(button(page, "Table")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("table")).toBeVisible();
  });

  test("a shared link opens the table", async ({ page }) => {
    await page.goto("/?view=table");
    await expect(page.locator(".chart-island.is-interactive")).toHaveCount(1);
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.locator("#chart")).toBeHidden();
  });

  const hostile = [
    "?view=<script>alert(1)</script>",
    "?view=%3Cscript%3Ealert(1)%3C/script%3E",
    "?scale=LOG&view=TABLE",
    "?point=0",
    "?point=-1",
    "?point=99999999999999999999999999",
    "?point=2e0",
    "?%E0%A4%A&%ZZ=%%%",
    "?view=table%00",
    // Long, but under the 8 KB request line most servers accept (this one's limit is 16 KB).
    `?view=${"table".repeat(1200)}`,
    `?x=${"%".repeat(6000)}&view=table`,
    "?view=table&view=chart&view=javascript:alert(1)",
    "#<img src=x onerror=alert(1)>",
  ];
  for (const query of hostile) {
    const name = query.length > 40 ? `${query.slice(0, 40)}… (${query.length} characters)` : query;
    test(`ignores ${name}`, async ({ page }) => {
      await openChart(page, `/${query}`);
      await expect(button(page, "Chart")).toHaveAttribute("aria-pressed", "true");
      await expect(button(page, "Linear")).toHaveAttribute("aria-pressed", "true");
      await expect(page.locator(".chart-tooltip")).toBeHidden();
      await expect(page.locator(CHART_CANVAS)).toBeVisible();
    });
  }
});

test.describe("embedding", () => {
  for (const path of ["/embed.html", "/?embed"]) {
    test(`${path} shows only the figure`, async ({ page }) => {
      await page.setViewportSize({ width: 600, height: 800 });
      await openChart(page, path);
      await expect(page.locator("figure.chart-figure")).toBeVisible();
      await expect(page.locator("h1")).toBeHidden();
      await expect(page.locator(".related")).toBeHidden();
      await expect(page.locator(".article > p").first()).toBeHidden();
      await expect(page.locator(CHART_CANVAS)).toBeVisible();
      await expect(page.locator(".chart-source")).toBeVisible();
      await expect(button(page, "Table")).toBeVisible();
      await expect(button(page, "Copy embed code")).toBeHidden();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
      expect(overflow).toBe(false);
      if (path === "/embed.html") await page.screenshot({ path: `${ARTIFACTS}embed.png`, fullPage: true });
    });
  }

  test("'Copy embed code' puts an iframe snippet on the clipboard", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openChart(page);
    await button(page, "Copy embed code").click();
    await expect(page.locator(".action-status")).toHaveText("Embed code copied to the clipboard.");
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html" title="[^"]+"/);
    expect(snippet).toContain(`title="${chart.title}"`);
    await expect(page.locator(".embed-code")).toBeHidden();
  });

  test("where the clipboard refuses, the embed code is shown to copy by hand", async ({ page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    });
    await openChart(page);
    const code = page.locator(".embed-code");
    await expect(code).toBeHidden();
    await button(page, "Copy embed code").click();
    await expect(page.locator(".action-status")).toHaveText("Copy the embed code below.");
    await expect(code).toBeVisible();
    await expect(code).toHaveValue(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html" title="[^"]+"/);
  });
});

test.describe("motion", () => {
  // A short window: the chart starts below the fold.
  test.use({ viewport: { width: 375, height: 400 } });

  const scrolledFrames = async (page) => {
    await openChart(page);
    await page.locator("#chart").scrollIntoViewIfNeeded();
    const frames = [];
    for (let i = 0; i < 4; i++) {
      frames.push(await canvasImage(page));
      await page.waitForTimeout(80);
    }
    await page.waitForTimeout(700);
    frames.push(await canvasImage(page));
    return frames;
  };

  test("the line draws itself in when scrolled into view", async ({ page }) => {
    const frames = await scrolledFrames(page);
    expect(new Set(frames.slice(0, 4)).size).toBeGreaterThan(1);
    expect(frames[0]).not.toBe(frames.at(-1));
  });

  test.describe("with reduced motion", () => {
    test.use({ reducedMotion: "reduce" });

    test("every frame is the finished chart", async ({ page }) => {
      const frames = await scrolledFrames(page);
      expect(new Set(frames).size).toBe(1);
    });
  });
});

test("print keeps the article, the chart at print resolution and the source; drops controls", async ({ page }) => {
  const box = await openChart(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.locator(".chart-source")).toBeVisible();
  await expect(page.locator(".chart-controls")).toBeHidden();
  await expect(page.locator(".chart-actions")).toBeHidden();
  await expect(page.locator(".related")).toBeHidden();
  await expect
    .poll(() => box.evaluate((el) => el.querySelector("canvas").width / el.querySelector("canvas").clientWidth))
    .toBeGreaterThanOrEqual(3);
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
});

test("axe finds nothing with the table and every control showing", async ({ page }) => {
  await openChart(page);
  await button(page, "Logarithmic").click();
  await button(page, "Table").click();
  await expect(page.getByRole("table")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
