// Stress: hundreds of resizes, thousands of pointer moves, keyboard storms. The console must
// stay clean (fixture), nothing may panic, and memory after a forced GC must come back to
// within 10% of what the page held before (no leaked listeners, closures or observers).
import { readFileSync } from "node:fs";
import { test, expect, CHART_CANVAS, CHART_FOCUS, openChart, keepWasmInstance, expectCanvasFitsBox } from "./fixtures.mjs";

/** The wasm stack size the release build is linked with (`-zstack-size` in scripts/release-env). */
const STACK_BYTES = Number(
  readFileSync(new URL("../../scripts/release-env", import.meta.url), "utf8").match(/-zstack-size=(\d+)/)[1],
);

test.describe.configure({ timeout: 180_000 });

/**
 * What a second full storm may add to the JS heap after a forced GC. Measured: 50 to 73 KB, then
 * 34 to 36 KB for each further storm (the isolate's heap includes Playwright's own injected
 * script, which each locator call uses). A listener or closure leaked per pointer move or
 * resize adds more: 2,300 events × 64 bytes = 144 KB.
 */
const STORM_HEAP_SLACK = 96 * 1024;

/** A seeded random generator, so a failure can be replayed. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test.beforeEach(async ({ page }) => keepWasmInstance(page));

/** JS heap after a forced GC, plus the wasm linear memory, in bytes. */
async function memory(page, cdp) {
  // Pending frames and tasks done first: the storm's last redraws are not garbage yet.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.__wasmMemories.reduce((a, m) => a + m.buffer.byteLength, 0));
  return { heap: heap.usedSize, wasm, total: heap.usedSize + wasm };
}

/** One storm: `scale` 1 is the full test; a small one warms every code path up first. */
async function storm(page, chart, next, scale) {
  // Random viewport sizes from a small phone to a wide desktop.
  for (let i = 0; i < 300 * scale; i++) {
    const width = 320 + Math.floor(next() * 1600);
    const height = 480 + Math.floor(next() * 600);
    await page.setViewportSize({ width, height });
    if (i % 25 === 0) await page.waitForTimeout(20);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectCanvasFitsBox(page);

  // Pointer moves over (and a little around) the chart.
  await chart.scrollIntoViewIfNeeded();
  const box = await page.locator(CHART_CANVAS).boundingBox();
  for (let i = 0; i < 2000 * scale; i++) {
    const x = box.x - 20 + next() * (box.width + 40);
    const y = box.y - 20 + next() * (box.height + 40);
    await page.mouse.move(x, y);
  }
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator(".chart-tooltip")).toBeVisible();
  await page.mouse.move(0, 0);

  // Keyboard storms: keys on the chart, then the switches toggled.
  await page.locator(CHART_FOCUS).focus();
  const keys = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "Escape", "a", "Tab"];
  for (let i = 0; i < 600 * scale; i++) {
    const key = keys[Math.floor(next() * keys.length)];
    if (key === "Tab") await page.locator(CHART_FOCUS).focus();
    else await page.keyboard.press(key);
  }
  for (let i = 0; i < 100 * scale; i++) {
    const name = ["Table", "Chart", "Logarithmic", "Linear"][i % 4];
    await page.getByRole("button", { name, exact: true }).press(i % 2 ? "Enter" : "Space");
  }
  await expect(page.getByRole("button", { name: "Chart", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Linear", exact: true })).toHaveAttribute("aria-pressed", "true");
  await page.locator(CHART_FOCUS).focus();
  await page.keyboard.press("Escape");

  // Still working after all that.
  await chart.scrollIntoViewIfNeeded();
  const end = await page.locator(CHART_CANVAS).boundingBox();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
  await expect(page.locator(".chart-tooltip")).toBeVisible();
  await page.mouse.move(0, 0);
}

test("resizes, pointer moves and keyboard storms leak nothing and log nothing", async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  const chart = await openChart(page);
  const next = random(20261124);
  // A small storm first: the engine's first-use costs (compiled code, caches) are not leaks.
  await storm(page, chart, next, 0.1);
  const before = await memory(page, cdp);
  expect(before.wasm).toBeGreaterThan(0);

  await storm(page, chart, next, 1);
  const after = await memory(page, cdp);
  // The same storm again: whatever it keeps, it keeps each time.
  await storm(page, chart, next, 1);
  const again = await memory(page, cdp);
  const kb = (bytes) => (bytes / 1024).toFixed(0);
  console.log(
    `memory: JS heap ${kb(before.heap)} KB, after a storm ${kb(after.heap)} KB, after a second ${kb(again.heap)} KB; ` +
      `wasm ${kb(before.wasm)}, ${kb(after.wasm)}, ${kb(again.wasm)} KB`,
  );
  // The wasm's memory stays one 64 KB page (src/main.rs): nothing the reader does grows it.
  expect([before.wasm, after.wasm, again.wasm]).toEqual([65536, 65536, 65536]);
  expect(after.heap).toBeLessThanOrEqual(before.heap * 1.1);
  expect(again.heap - after.heap).toBeLessThanOrEqual(STORM_HEAP_SLACK);
});

test("the wasm stack stays well inside its size, whatever the reader does", async ({ page }) => {
  // The stack sits below the data, from STACK_BYTES down to 0. Painted right after
  // instantiation (before the app starts), the lowest byte that changed is the deepest use.
  await page.addInitScript((stackBytes) => {
    window.__onWasmMemory = (memory) => new Uint8Array(memory.buffer, 0, stackBytes).fill(0xaa);
  }, STACK_BYTES);
  const chart = await openChart(page);
  const box = await page.locator(CHART_CANVAS).boundingBox();
  for (let i = 0; i <= 20; i++) await page.mouse.move(box.x + (box.width * i) / 20, box.y + box.height / 2);
  await page.locator(CHART_FOCUS).focus();
  for (const key of ["ArrowRight", "ArrowRight", "End", "Home", "Escape"]) await page.keyboard.press(key);
  for (const name of ["Logarithmic", "Table", "Chart", "Linear"]) {
    await page.getByRole("button", { name, exact: true }).click();
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download image (PNG)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  await page.setViewportSize({ width: 375, height: 700 });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectCanvasFitsBox(page);

  const deepest = await page.evaluate((stackBytes) => {
    const bytes = new Uint8Array(window.__wasmMemories[0].buffer, 0, stackBytes);
    return stackBytes - bytes.findIndex((b) => b !== 0xaa);
  }, STACK_BYTES);
  console.log(`wasm stack: deepest use ${(deepest / 1024).toFixed(1)} KB of ${STACK_BYTES / 1024} KB`);
  expect(deepest).toBeGreaterThan(0);
  // A margin of at least 2x for paths no test takes.
  expect(deepest).toBeLessThan(STACK_BYTES / 2);
});
