// Reader features: chart/table, description, log scale, key figures, downloads, URL state,
// embedding, motion and print.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, CHART_CANVAS, CHART_FOCUS, CONTENT, VALUES, openChart, waitInteractive, ARTIFACTS, axeViolations, canvasImage, sweepTooltips, expectOnScale, decodePng } from "./fixtures.mjs";

const { chart } = CONTENT;
const button = (page, name) => page.getByRole("button", { name, exact: true });


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
  // The subtitle just above it on screen names it for screen readers (no caption repeats it:
  // reader views showed it twice).
  await expect(table).toHaveAccessibleName(chart.subtitle);
  await expect(table.locator("thead th")).toHaveCount(3);
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(VALUES.length);
  for (const [i, value] of VALUES.entries()) {
    await expect(rows.nth(i).locator("th")).toHaveAttribute("scope", "row");
    await expect(rows.nth(i).locator("td").first()).toHaveText(value);
  }
  await expect(rows.nth(1)).toContainText("+20 people, +133%");
  // The selected point (here from a shared link) is marked in the table, and only that one.
  await openChart(page, `/?view=table&point=${VALUES.length}`);
  const marked = () => rows.evaluateAll((trs) => trs.map((tr) => tr.classList.contains("selected")));
  await expect.poll(marked).toEqual(VALUES.map((_, i) => i === VALUES.length - 1));
  const background = (i) => rows.nth(i).evaluate((tr) => getComputedStyle(tr).backgroundColor);
  expect(await background(VALUES.length - 1)).not.toBe(await background(0));
  await page.screenshot({ path: `${ARTIFACTS}table-view.png` });
  // And back, by keyboard.
  await expect(table).toBeVisible();
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
  await expect(description).toContainText("more than doubling every year");
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
  // Every point is still reachable and labelled by hover, and stands at its logarithm's height
  // on the drawn line.
  await page.locator("#chart").scrollIntoViewIfNeeded();
  const seen = await sweepTooltips(page);
  expect(seen.values).toEqual(VALUES.map((v) => `${v} ${chart.unit}`));
  await expectOnScale(page, seen.markers, "log");
  await page.mouse.move(0, 0);
  await button(page, "Linear").click();
  await expect.poll(() => canvasImage(page)).toBe(linear);
});

test("the key figures panel works out the average", async ({ page }) => {
  await page.goto("/");
  const panel = page.locator(".key-figures");
  const { count, total, average } = CONTENT.key_figures;
  await expect(panel).toContainText(count.value.toLocaleString("en-GB"));
  await expect(panel).toContainText(total.value.toLocaleString("en-GB"));
  const tenths = (total.value * average.per_total_unit * 10) / count.value;
  const each = (tenths / 10).toFixed(1);
  // "≈" where one decimal rounds it (this story: 4,800 ÷ 1,520 = 3.157…).
  const sign = Number.isInteger(tenths) ? "=" : "≈";
  await expect(panel.locator("dd").last()).toHaveText(sign === "=" ? each : `≈ ${each}`);
  await expect(panel.locator(".key-figures-note")).toContainText(
    `${total.value.toLocaleString("en-GB")} ${total.unit} × ${average.per_total_unit} ${average.unit} ÷ ` +
      `${count.value.toLocaleString("en-GB")} ${count.unit} ${sign} ${each} ${average.unit}`,
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

/**
 * What the downloaded PNG shows: its size, background, the ink of its first and last lines of
 * text (x extent, height), and how many pixels have `line` (the chart line's colour, "#rrggbb").
 */
function pngContents(png, line) {
  const { width, height, data } = decodePng(png);
  const at = (x, y) => data.slice((y * width + x) * 4, (y * width + x) * 4 + 3);
  const background = at(2, 2);
  const far = (a, b, d) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) > d;
  // Rows with ink, grouped into bands of consecutive rows.
  const bands = [];
  for (let y = 0; y < height; y++) {
    let [left, right] = [Infinity, -1];
    for (let x = 0; x < width; x++) {
      if (far(at(x, y), background, 120)) [left, right] = [Math.min(left, x), Math.max(right, x)];
    }
    if (right < 0) continue;
    const band = bands.at(-1);
    if (band && band.bottom === y - 1) Object.assign(band, { bottom: y, left: Math.min(band.left, left), right: Math.max(band.right, right) });
    else bands.push({ top: y, bottom: y, left, right });
  }
  const rgb = [1, 3, 5].map((i) => parseInt(line.slice(i, i + 2), 16));
  let linePixels = 0;
  for (let i = 0; i < data.length; i += 4) if (!far(data.slice(i, i + 3), rgb, 40)) linePixels++;
  return { width, height, background: [...background], bands, linePixels };
}

for (const [name, setUp, file] of [
  ["", async () => {}, `${chart.slug}.png`],
  [" on the logarithmic scale", async (page) => button(page, "Logarithmic").click(), `${chart.slug}-log-scale.png`],
  [" in the dark scheme (the image stays light, for documents and print)", async (page) => page.emulateMedia({ colorScheme: "dark" }), `${chart.slug}.png`],
]) {
  test(`'Download image' gives a 2× PNG with title, chart and source${name}`, async ({ page }) => {
    await openChart(page);
    await setUp(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download image (PNG)", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(file);
    const png = readFileSync(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await download.saveAs(`${ARTIFACTS}download${name ? `-${name.trim().split(" ")[1]}` : ""}.png`);
    // The image is always in the light palette (for documents and print): read its line colour
    // from the light theme.
    await page.emulateMedia({ colorScheme: "light" });
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim());
    const image = pngContents(png, accent);
    expect(image.width).toBe(1280); // 640 CSS pixels at 2×
    expect(image.height).toBeGreaterThan(2 * 360 + 200); // the chart plus title and text lines
    expect(image.background).toEqual([255, 255, 255]);
    // Bands of ink from the top: the title (bold, 44 px: the tallest lines), the subtitle, the
    // chart (one tall band), the description and, last, the source (12 px at 2x: one short line).
    const lines = image.bands.filter((band) => band.bottom - band.top < 60);
    const chartBand = image.bands.find((band) => band.bottom - band.top > 400);
    expect(chartBand, "a chart-sized band of ink").toBeTruthy();
    const [title] = image.bands;
    const source = image.bands.at(-1);
    expect(title.left).toBeGreaterThanOrEqual(38);
    expect(title.left).toBeLessThanOrEqual(46);
    expect(title.bottom - title.top).toBe(Math.max(...lines.map((band) => band.bottom - band.top)));
    expect(title.bottom).toBeLessThan(chartBand.top);
    expect(source.top).toBeGreaterThan(chartBand.bottom);
    expect(source.left).toBeLessThanOrEqual(46);
    expect(source.bottom - source.top).toBeLessThan(28);
    expect(source.bottom - source.top).toBeGreaterThan(12);
    // The source line's ink is as wide as "Source: …" set in the same font at 24 px: about
    // 0.4 to 0.6 of the size per character.
    const characters = `Source: ${chart.source}`.length;
    expect(source.right - source.left).toBeGreaterThan(characters * 24 * 0.4);
    expect(source.right - source.left).toBeLessThan(characters * 24 * 0.6);
    // Between them, the chart: the line and points in the line's colour.
    expect(image.linePixels).toBeGreaterThan(3000);
  });
}

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
    await waitInteractive(page);
    await expect(button(page, "Logarithmic")).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(`${VALUES[1]} ${chart.unit}`);

    await page.goBack();
    await expect(button(page, "Linear")).toHaveAttribute("aria-pressed", "true");
    await page.goBack();
    await expect(button(page, "Table")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("table")).toBeVisible();
  });

  test("writing the view keeps the URL's hash and adds one history entry per choice", async ({ page }) => {
    await openChart(page, "/#related");
    const entries = await page.evaluate(() => history.length);
    await button(page, "Table").click();
    await expect(page).toHaveURL(/\/\?view=table#related$/);
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  });

  test("a page address with a doubled slash keeps its path as the view is written", async ({ page, baseURL }) => {
    // A CMS that joins URLs carelessly links `//…`; servers serve it. Written as a path, it read
    // as another host, and the browser refused to write the view.
    await openChart(page, `${baseURL}//index.html`);
    await button(page, "Table").click();
    await expect(page).toHaveURL(`${baseURL}//index.html?view=table`);
    await page.goBack();
    await expect(page).toHaveURL(`${baseURL}//index.html`);
    await expect(button(page, "Chart")).toHaveAttribute("aria-pressed", "true");
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
    // A dialog fails the test (fixture); so does any element or history entry the URL added.
    test(`ignores ${name}`, async ({ page }) => {
      await openChart(page, "/");
      const entries = await page.evaluate(() => history.length);
      await openChart(page, `/${query}`);
      // From "/", a URL that differs only in its hash does not load the page again: reload it,
      // so the app starts with the hostile hash.
      if (query.startsWith("#")) {
        await page.reload();
        await waitInteractive(page);
      }
      await expect(button(page, "Chart")).toHaveAttribute("aria-pressed", "true");
      await expect(button(page, "Linear")).toHaveAttribute("aria-pressed", "true");
      await expect(page.locator(".chart-tooltip")).toBeHidden();
      await expect(page.locator(CHART_CANVAS)).toBeVisible();
      const injected = await page.evaluate(() => ({
        history: history.length,
        inlineScripts: document.querySelectorAll("script:not([src])").length,
        images: [...document.querySelectorAll("img")].map((img) => img.outerHTML),
        handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
      }));
      injected.history -= entries;
      expect(injected).toEqual({ history: 1 /* the navigation's own */, inlineScripts: 0, images: [], handlers: 0 });
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
  // Records, in the page, the canvas as it was before each animation frame that comes after the
  // app's first draw: every picture the reader saw, without sampling on the test's clock.
  const recordFrames = (page) =>
    page.addInitScript(() => {
      window.__frames = [];
      const request = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) =>
        request((time) => {
          const canvas = document.querySelector("#chart canvas.chart-canvas");
          if (canvas?.width && performance.getEntriesByName("chart-interactive").length) {
            const copy = document.createElement("canvas");
            [copy.width, copy.height] = [canvas.width, canvas.height];
            copy.getContext("2d").drawImage(canvas, 0, 0);
            const url = copy.toDataURL();
            if (window.__frames.at(-1) !== url) window.__frames.push(url);
          }
          callback(time);
        });
    });

  /** The finished chart: drawn at once, when it is in view as the app starts. */
  async function finishedChart(page) {
    await page.setViewportSize({ width: 375, height: 2000 });
    await openChart(page);
    const finished = await canvasImage(page);
    // Nothing moved: every frame since the first draw is the finished chart.
    const frames = await page.evaluate(() => window.__frames);
    expect(frames.filter((frame) => frame !== finished).length, "frames other than the finished chart").toBe(0);
    return finished;
  }

  /** Opens the page with the chart below the fold (a short window), then scrolls to it. */
  async function scrollToChart(page) {
    await page.setViewportSize({ width: 375, height: 400 });
    await openChart(page);
    await page.locator("#chart").scrollIntoViewIfNeeded();
  }

  test("no animation when the chart is in view as the app starts; the line draws itself in when scrolled into view", async ({ page }) => {
    await recordFrames(page);
    const finished = await finishedChart(page);
    await scrollToChart(page);
    await expect.poll(async () => (await canvasImage(page)) === finished, { timeout: 5000 }).toBe(true);
    const frames = await page.evaluate(() => window.__frames);
    // The entrance: several pictures before the finished one, none of them finished.
    const before = frames.slice(0, frames.indexOf(finished) === -1 ? undefined : frames.indexOf(finished));
    expect(before.length).toBeGreaterThan(2);
  });

  test.describe("with reduced motion", () => {
    test.use({ reducedMotion: "reduce" });

    test("every frame is the finished chart", async ({ page }) => {
      await recordFrames(page);
      const finished = await finishedChart(page);
      await scrollToChart(page);
      expect((await canvasImage(page)) === finished, "the chart is finished as it scrolls into view").toBe(true);
      const frames = await page.evaluate(() => window.__frames);
      expect(frames.filter((frame) => frame !== finished).length, "frames other than the finished chart").toBe(0);
      // And "finished" is the whole chart, not one stuck before its line: every point drawn
      // where its value puts it, in the line's colour.
      const { markers } = await sweepTooltips(page);
      await expectOnScale(page, markers, "linear");
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
  // The article's phrase of a selected point prints as plain text, without its mark.
  await page.emulateMedia({ media: "screen" });
  await page.goto("/?point=2");
  await waitInteractive(page);
  const marked = page.locator(".mention.is-marked").first();
  await expect(marked).toHaveCSS("text-decoration-line", "underline");
  await page.emulateMedia({ media: "print" });
  await expect(marked).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
  await expect(marked).toHaveCSS("text-decoration-line", "none");
});

/** Page `number` of a PDF: its text and how many images it holds (poppler's tools). */
function pdfPage(pdf, number) {
  const file = join(mkdtempSync(join(tmpdir(), "print-")), "page.pdf");
  writeFileSync(file, pdf);
  const run = (tool, args, output = []) => {
    const result = spawnSync(tool, [...args, "-f", String(number), "-l", String(number), file, ...output], { encoding: "utf8" });
    if (result.error?.code === "ENOENT") throw new Error(`${tool} is missing: apt-get install poppler-utils`);
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  };
  // `pdfimages -list` prints two lines of heading, then one line per image.
  const images = run("pdfimages", ["-list"]).trim().split("\n").length - 2;
  return { text: run("pdftotext", ["-layout"], ["-"]).replace(/\s+/g, " "), images };
}

test("printed on Letter and A4, the chart and its title start on the first page, under the opening", async ({ page }) => {
  for (const query of ["", "?scale=log"]) {
    await page.emulateMedia({ media: "screen" });
    await page.goto(`/${query}`);
    await waitInteractive(page);
    await page.emulateMedia({ media: "print" });
    for (const format of ["Letter", "A4"]) {
      const first = pdfPage(await page.pdf({ format }), 1);
      // The whole figure kept on one page left most of a Letter page blank before it.
      expect(first.text, `${format} ${query}: the chart's title on page 1`).toContain(chart.title);
      // The canvas prints as an image, or (Chromium, when the paper's width is not the
      // screen's) as its drawing, whose value labels are then text.
      const drawn = first.images > 0 || VALUES.every((value) => first.text.includes(` ${value} `));
      expect(drawn, `${format} ${query}: the chart on page 1 (images: ${first.images}; text: ${first.text})`).toBe(true);
    }
  }
});

test("a chart printed on the logarithmic scale says so, from the chart view and the table view", async ({ page }) => {
  const note = page.locator("#scale-note");
  for (const query of ["?scale=log", "?view=table&scale=log"]) {
    await page.emulateMedia({ media: "screen" });
    await page.goto(`/${query}`);
    await waitInteractive(page);
    // On screen the note goes with the chart: not under the table.
    if (query.includes("table")) await expect(note, query).toBeHidden();
    else await expect(note, query).toBeVisible();
    // Print shows the chart in both views, on the reader's scale.
    await page.emulateMedia({ media: "print" });
    await expect(note, query).toBeVisible();
    await expect(note, query).toHaveText(/^Logarithmic scale: each gridline is double/);
  }
  await page.goto("/");
  await waitInteractive(page);
  await expect(note).toBeHidden();
});

test("printing from the dark scheme prints dark text, and the chart in its light colours, on white", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openChart(page);
  const darkAccent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim());
  await page.emulateMedia({ colorScheme: "dark", media: "print" });
  const lightAccent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim());
  expect(lightAccent).not.toBe(darkAccent);
  // How many of the canvas's pixels have each accent colour.
  const accents = () =>
    page.evaluate((colours) => {
      const canvas = document.querySelector("#chart canvas.chart-canvas");
      const copy = document.createElement("canvas");
      [copy.width, copy.height] = [canvas.width, canvas.height];
      const context = copy.getContext("2d", { willReadFrequently: true });
      context.drawImage(canvas, 0, 0);
      const { data } = context.getImageData(0, 0, copy.width, copy.height);
      const rgb = colours.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      const counts = rgb.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        rgb.forEach(([r, g, b], k) => {
          if (data[i + 3] > 200 && Math.hypot(data[i] - r, data[i + 1] - g, data[i + 2] - b) < 30) counts[k]++;
        });
      }
      return { light: counts[0] > 500, dark: counts[1] > 500 };
    }, [lightAccent, darkAccent]);
  await expect.poll(accents).toEqual({ light: true, dark: false });
  const page_ = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
  expect(page_).toEqual(["rgb(255, 255, 255)", "rgb(0, 0, 0)"]);
});

test("axe finds nothing with the table and every control showing", async ({ page }) => {
  await openChart(page);
  await button(page, "Logarithmic").click();
  await button(page, "Table").click();
  await expect(page.getByRole("table")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
