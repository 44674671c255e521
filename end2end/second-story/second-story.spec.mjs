// Reader flows on the second story (content/tests/second-story.toml): the same app, built from
// another content file. Its numbers, words and ticks are written here by hand, worked out from
// the file: none comes from the code under test. Run by second-story.config.mjs.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "smol-toml";
import { test, expect, ARTIFACTS } from "../tests/fixtures.mjs";

// Absolute, or relative to the repository, as build.rs reads it.
const ROOT = new URL("../../", import.meta.url).pathname;
const CONTENT = parse(readFileSync(resolve(ROOT, process.env.WAY_OUT_CONTENT), "utf8"));
const unit = "members";

/** Every point as the tooltip and the table give it. */
const POINTS = [
  { period: "December 2017", value: "12", change: null },
  { period: "2019 (approximate date)", value: "30", change: "+18 members, +150% since December 2017" },
  { period: "March 2020", value: "54", change: "+24 members, +80% since 2019" },
  { period: "September 2020", value: "41", change: "−13 members, −24% since March 2020" },
  { period: "December 2021", value: "41", change: "0 members, 0% since September 2020" },
  { period: "Autumn 2022 (approximate date)", value: "88", change: "+47 members, +115% since December 2021" },
  { period: "December 2023", value: "120", change: "+32 members, +36% since autumn 2022" },
];

// The editor's description in the content file (chart.description), in place of the one the
// build would make from the data (that one starts "The number of members rose from"; the host
// tests check it, worked by hand).
const DESCRIPTION =
  "Membership grew tenfold, from 12 in December 2017 to 120 in December 2023, with one dip: from 54 to 41 when the workshop closed in 2020.";
// 30 / 12 = 2.5, 54 / 30 = 1.8, 88 / 41 = 2.15, 120 / 88 = 1.36; 120 / 12 = 10 in six years:
// 10^(1/6) = 1.47 a year, +47%, doubling in ln 2 / ln 1.468 = 1.81 years = 22 months.
const GROWTH_NOTE =
  "From December 2017 to December 2023: ×1.5 a year on average (+47% a year, doubling in about 22 months).";

/** Every text block of the article, in reading order, from the content file. */
function articleTexts() {
  const texts = [CONTENT.article.headline, CONTENT.article.standfirst];
  for (const block of CONTENT.article.body) {
    if (block.paragraph) texts.push(block.paragraph);
    if (block.subhead) texts.push(block.subhead);
    if (block.quote) texts.push(`${block.quote.text} ${block.quote.attribution}`);
  }
  for (const teaser of CONTENT.related) texts.push(teaser.title, teaser.summary);
  return texts;
}

/** Fails unless each of the article's texts is in `text` exactly once. */
function expectArticleOnce(text) {
  const texts = articleTexts();
  // Headline, standfirst, nine body blocks with text, two teasers of two texts each.
  expect(texts.length).toBe(15);
  for (const block of texts) expect(text.split(block).length - 1, block).toBe(1);
}

async function openChart(page) {
  await page.goto("/");
  await page.waitForFunction(() => performance.getEntriesByName("chart-interactive").length > 0);
}

/** Moves the mouse across the chart at mid-height; each distinct tooltip, in order. */
async function sweep(page) {
  const box = await page.locator("#chart canvas").boundingBox();
  const tooltip = page.locator(".chart-tooltip");
  const seen = [];
  for (let x = 2; x < box.width - 2; x += 4) {
    await page.mouse.move(box.x + x, box.y + box.height / 2);
    if (!(await tooltip.isVisible())) continue;
    const [period, value, change] = await Promise.all(
      [".tooltip-period", ".tooltip-value", ".tooltip-change"].map((s) =>
        tooltip.locator(s).evaluate((el) => (el.checkVisibility() ? el.textContent : null)),
      ),
    );
    if (seen.at(-1)?.period !== period) seen.push({ period, value, change: change || null });
  }
  return seen;
}

test("it is the second story", () => {
  expect(CONTENT.article.headline).toBe("Volunteer bike workshop outgrows its basement");
});

test("the article is whole, once, under its own title", async ({ page }) => {
  await openChart(page);
  await expect(page).toHaveTitle("Volunteer bike workshop outgrows its basement");
  await expect(page.locator("h1")).toHaveText("Volunteer bike workshop outgrows its basement");
  expectArticleOnce(await page.evaluate(() => document.body.innerText));
  await expect(page.locator("h2.chart-title")).toHaveText("The bike workshop has ten times as many members as in 2017");
});

test("the chart is drawn by the app in place of the static one", async ({ page }) => {
  await openChart(page);
  const painted = await page.evaluate(() => {
    const canvas = document.querySelector("#chart canvas.chart-canvas");
    const copy = document.createElement("canvas");
    [copy.width, copy.height] = [canvas.width, canvas.height];
    const context = copy.getContext("2d");
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 200) opaque++;
    return { opaque, visible: canvas.checkVisibility() };
  });
  expect(painted.visible).toBe(true);
  expect(painted.opaque).toBeGreaterThan(2000);
  await expect(page.locator("#chart svg:visible")).toHaveCount(0);
});

for (const width of [375, 1280]) {
  test(`at ${width} px hovering shows every point, the fall and the unchanged step`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openChart(page);
    await page.locator("#chart").scrollIntoViewIfNeeded();
    expect(await sweep(page)).toEqual(POINTS.map((p) => ({ ...p, value: `${p.value} ${unit}` })));
    await page.locator("#chart").screenshot({ path: `${ARTIFACTS}second-story-${width}.png` });
  });
}

test("the keyboard walks the seven points and each step is announced", async ({ page }) => {
  await openChart(page);
  const focus = page.locator("#chart .chart-focus");
  await focus.focus();
  await expect(focus).toBeFocused();
  const live = page.locator("#chart-live");
  const sentences = POINTS.map(
    (p, i) => `${p.period}: ${p.value} ${unit}${p.change ? `, ${p.change}` : ""}. Point ${i + 1} of 7.`,
  );
  for (const sentence of sentences) {
    await page.keyboard.press("ArrowRight");
    await expect(live).toHaveText(sentence);
  }
  // At the end the selection stays put.
  await page.keyboard.press("ArrowRight");
  await expect(live).toHaveText(sentences[6]);
  await page.keyboard.press("Home");
  await expect(live).toHaveText("December 2017: 12 members. Point 1 of 7.");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await expect(live).toHaveText(sentences[5]);
  await page.keyboard.press("Escape");
  await expect(page.locator(".chart-tooltip")).toBeHidden();
});

test("the table lists the seven points with their changes", async ({ page }) => {
  await openChart(page);
  await page.getByRole("button", { name: "Table", exact: true }).click();
  const table = page.locator("#chart-table");
  await expect(table).toBeVisible();
  await expect(table.locator("thead th")).toHaveText(["Period", "Members", "Change"]);
  const rows = await table.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent)),
  );
  expect(rows).toEqual(POINTS.map((p) => [p.period, p.value, p.change ?? "first count"]));
  expect(new URL(page.url()).searchParams.get("view")).toBe("table");
});

test("the caption describes this series, and the key figures are this story's", async ({ page }) => {
  await openChart(page);
  await expect(page.locator("#chart-description")).toHaveText(DESCRIPTION);
  const notes = page.locator(".chart-caption .chart-note");
  await expect(notes).toHaveText([
    GROWTH_NOTE,
    "The workshop was closed from April to August 2020, during the pandemic.",
    "Dashed lines and hollow points: the source says only “2019” and “autumn 2022”.",
  ]);
  await expect(page.locator(".chart-source")).toHaveText(
    "Source: Riverside Bike Kitchen annual reports (fictional test data)",
  );
  const panel = page.locator(".key-figures");
  await expect(panel.locator("h3")).toHaveText("Repairs at Riverside Bike Kitchen in 2023");
  await expect(panel.locator("dt")).toHaveText([
    "Bikes repaired",
    "Volunteer hours, in total",
    "Volunteer minutes per bike, on average",
  ]);
  // 2,960 hours × 60 = 177,600 minutes; ÷ 1,850 = 96 exactly: no "≈".
  await expect(panel.locator("dd")).toHaveText(["1,850", "2,960", "96.0"]);
  await expect(panel.locator(".key-figures-note")).toHaveText(
    "2,960 hours × 60 minutes ÷ 1,850 bikes = 96.0 minutes each, on average. " +
      "The workshop logs hours per session, not per bike.",
  );
});

test("the editor's description is the chart's everywhere: caption, accessible description, images, social card", async ({ page, request }) => {
  expect(CONTENT.chart.description).toBe(DESCRIPTION);
  await openChart(page);
  await expect(page.locator("#chart-description")).toHaveText(DESCRIPTION);
  // The chart's accessible description: the keyboard help, then the description.
  const literal = DESCRIPTION.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(page.locator(".chart-focus")).toHaveAccessibleDescription(new RegExp(`${literal}$`));
  const title = CONTENT.chart.title;
  expect(await page.locator('meta[property="og:image:alt"]').getAttribute("content")).toBe(`${title}. ${DESCRIPTION}`);
  const svg = await (await request.get(`${CONTENT.chart.slug}.svg`)).text();
  expect(svg).toContain(`<desc>${DESCRIPTION}</desc>`);
  // The one made from the data is nowhere: not in the page, not in the files.
  const html = await (await request.get("/")).text();
  for (const text of [html, svg]) expect(text).not.toContain("The number of members rose from");
});

test("the logarithmic scale redraws the chart and keeps every point", async ({ page }) => {
  await openChart(page);
  // A copy's pixels: reading the app's own canvas back makes Chromium warn in the console.
  const image = () =>
    page.evaluate(() => {
      const canvas = document.querySelector("#chart canvas.chart-canvas");
      const copy = document.createElement("canvas");
      [copy.width, copy.height] = [canvas.width, canvas.height];
      copy.getContext("2d").drawImage(canvas, 0, 0);
      return copy.toDataURL();
    });
  const linear = await image();
  await page.getByRole("button", { name: "Logarithmic", exact: true }).click();
  await expect.poll(image).not.toBe(linear);
  await page.locator("#chart").scrollIntoViewIfNeeded();
  expect((await sweep(page)).map((p) => p.value)).toEqual(POINTS.map((p) => `${p.value} ${unit}`));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const width of [320, 375, 1280]) {
    test(`at ${width} px the article and the static chart, its ticks apart, are all there`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/");
      expectArticleOnce(await page.evaluate(() => document.body.innerText));
      const svg = page.locator("#chart svg:visible");
      await expect(svg).toHaveCount(1);
      const texts = await svg.locator("text").evaluateAll((nodes) =>
        nodes.map((node) => {
          const box = node.getBoundingClientRect();
          return { text: node.textContent.trim(), left: box.left, right: box.right };
        }),
      );
      const labels = texts.map((t) => t.text);
      // Linear axis 0 to 150 by 50; a tick a year; each value on its point.
      for (const label of ["0", "50", "100", "150", "12", "30", "54", "41", "88", "120"]) {
        expect(labels, label).toContain(label);
      }
      const years = texts.filter((t) => /^20\d\d$/.test(t.text));
      // Every other year: a tick a year would be eight, too close on a phone.
      expect(years.map((t) => t.text)).toEqual(["2018", "2020", "2022", "2024"]);
      for (let i = 1; i < years.length; i++) {
        expect(years[i].left, `${years[i].text} clear of ${years[i - 1].text}`).toBeGreaterThan(years[i - 1].right + 8);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.locator("#chart").screenshot({ path: `${ARTIFACTS}second-story-static-${width}.png` });
    });
  }

  test("the data link holds the seven rows", async ({ page }) => {
    await page.goto("/");
    const link = page.getByRole("link", { name: "Get the data (CSV)" });
    await expect(link).toHaveAttribute("download", "bike-workshop-members-2017-2023.csv");
    const href = await link.getAttribute("href");
    const csv = await (await page.request.get(new URL(href, page.url()).href)).text();
    const source = "Riverside Bike Kitchen annual reports (fictional test data)";
    expect(csv.trim().split(/\r?\n/)).toEqual([
      "period,date,date_is_approximate,members,source",
      `December 2017,2017-12,no,12,${source}`,
      `2019,2019-06,yes,30,${source}`,
      `March 2020,2020-03,no,54,${source}`,
      `September 2020,2020-09,no,41,${source}`,
      `December 2021,2021-12,no,41,${source}`,
      `autumn 2022,2022-10,yes,88,${source}`,
      `December 2023,2023-12,no,120,${source}`,
    ]);
  });
});
