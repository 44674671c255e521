// "Play the trend": the tones the page schedules, recorded by wrapping the Web Audio API in an
// init script (never by listening or timing), the selection moving with them on Playwright's
// paused clock, stopping, and the words where sound cannot play.
import { test, expect, CHART_CANVAS, openChart } from "./fixtures.mjs";

// Worked out by hand for the published series 15, 35, 74 people (docs/sound-and-text.md):
// f = 262 Hz · 2^(1.5 · (ln v − ln 15) / (ln 74 − ln 15)).
const EXPECTED_HZ = [262.0, 455.01, 741.05];
const VALUES = ["15 people", "35 people", "74 people"];
// From one tone's start to the next (s), and each tone's length.
const STEP = 0.45;
const TONE = 0.3;

const PLAY = ".chart-sound button";
const STATUS = "#sound-status";
const CANNOT = "Sound cannot play in this browser.";

/**
 * Records, in `window.__audio`, every audio context made (`contexts`), every oscillator
 * started (`tones`: its frequency and start time) and every stop (`stops`: the oscillator's
 * index and its stop time, null for "now"). The real nodes still run.
 */
async function recordAudio(page) {
  await page.addInitScript(() => {
    const log = (window.__audio = { contexts: 0, tones: [], stops: [] });
    const Real = window.AudioContext;
    if (!Real) return;
    window.AudioContext = class extends Real {
      constructor(...args) {
        super(...args);
        log.contexts += 1;
      }
    };
    const { start, stop } = OscillatorNode.prototype;
    OscillatorNode.prototype.start = function (when) {
      this.__index = log.tones.length;
      log.tones.push({ frequency: this.frequency.value, when });
      return start.call(this, when);
    };
    OscillatorNode.prototype.stop = function (when) {
      log.stops.push({ index: this.__index, when: when ?? null });
      return stop.call(this, when);
    };
  });
}

const audio = (page) => page.evaluate(() => window.__audio);

/** Opens the page, waits until the chart's entrance is done, and pauses the page's timers. */
async function openPaused(page) {
  await openChart(page);
  // The marker shows once the line has drawn itself: hovering waits for that.
  await page.locator(CHART_CANVAS).hover();
  await expect(page.locator(".chart-tooltip")).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(page.locator(".chart-tooltip")).toBeHidden();
  await page.clock.install();
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  // Playwright's fake clock numbers its timers from 10^12, beyond the 32-bit handles that
  // browsers give and web-sys keeps: give the page handles from 10^6 (above the browser's own,
  // which the page may still clear).
  await page.evaluate(() => {
    const [set, clear, fakes, first] = [window.setTimeout, window.clearTimeout, [], 1e6];
    window.setTimeout = (...args) => first + fakes.push(set(...args)) - 1;
    window.clearTimeout = (handle) => clear(fakes[handle - first]);
  });
}

/** Waits until the page has scheduled `count` tones in all. */
async function scheduled(page, count) {
  await expect.poll(async () => (await audio(page)).tones.length).toBe(count);
}

async function expectSelected(page, index) {
  await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(VALUES[index]);
  await expect(page.locator("#chart-live")).toContainText(`${VALUES[index]}`);
  await expect(page.locator("#chart-live")).toContainText(`Point ${index + 1} of 3.`);
}

test("Play the trend: one rising tone per point, the marker and the live region moving with them", async ({ page }) => {
  await recordAudio(page);
  await openPaused(page);
  // Hovering and the keyboard made no sound, and no audio context: it waits for the press.
  expect(await audio(page)).toEqual({ contexts: 0, tones: [], stops: [] });
  const play = page.locator(PLAY);
  await expect(play).toHaveText("Play the trend");
  await play.click();
  await expect(play).toHaveText("Stop");
  await scheduled(page, 3);
  const { contexts, tones } = await audio(page);
  expect(contexts).toBe(1);
  for (const [i, tone] of tones.entries()) {
    expect(Math.abs(tone.frequency - EXPECTED_HZ[i]), `tone ${i}: ${tone.frequency} Hz`).toBeLessThanOrEqual(0.5);
    if (i > 0) expect(tone.when - tones[i - 1].when).toBeCloseTo(STEP, 6);
  }
  // Each tone stops after its length (the stop scheduled with it).
  const { stops } = await audio(page);
  expect(stops.map((s) => [s.index, s.when - tones[s.index].when])).toEqual(
    tones.map((_, i) => [i, expect.closeTo(TONE, 6)]),
  );
  // The selection moves with the tones: the marker steps right, the values are announced.
  const marker = page.locator(".chart-marker");
  const places = [];
  for (const [i, wait] of [1, 450, 450].entries()) {
    await page.clock.runFor(wait);
    await expectSelected(page, i);
    places.push(await marker.evaluate((m) => m.offsetLeft));
  }
  expect(places[1]).toBeGreaterThan(places[0]);
  expect(places[2]).toBeGreaterThan(places[1]);
  // After the last tone the button is ready again; the marker stays on the last point.
  await page.clock.runFor(400);
  await expect(play).toHaveText("Play the trend");
  await expectSelected(page, 2);
  await expect(page.locator(STATUS)).toHaveText("");
  expect((await audio(page)).tones).toHaveLength(3);
});

test("a second press or Escape stops the tones, and the marker stays where the sound was", async ({ page }) => {
  await recordAudio(page);
  await openPaused(page);
  const play = page.locator(PLAY);
  await play.click();
  await scheduled(page, 3);
  await page.clock.runFor(1);
  await expectSelected(page, 0);
  await play.click();
  await expect(play).toHaveText("Play the trend");
  // Every oscillator of that run was stopped now (no time given).
  const stoppedNow = async () => (await audio(page)).stops.filter((s) => s.when === null).map((s) => s.index);
  await expect.poll(stoppedNow).toEqual([0, 1, 2]);
  await page.clock.runFor(2000);
  await expectSelected(page, 0);

  // From the keyboard: Enter plays (the button has focus), Escape stops.
  await expect(play).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(play).toHaveText("Stop");
  await scheduled(page, 6);
  await page.clock.runFor(451);
  await expectSelected(page, 1);
  await page.keyboard.press("Escape");
  await expect(play).toHaveText("Play the trend");
  await expect.poll(stoppedNow).toEqual([0, 1, 2, 3, 4, 5]);
  await page.clock.runFor(2000);
  await expectSelected(page, 1);
  // No tone was scheduled after the stops, and one audio context served both runs.
  const { contexts, tones } = await audio(page);
  expect([contexts, tones.length]).toEqual([1, 6]);
});

test.describe("on a touch screen, with reduced motion", () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 }, reducedMotion: "reduce" });

  test("a tap plays; the marker jumps without animation and each value is announced", async ({ page }) => {
    await recordAudio(page);
    await openPaused(page);
    await page.locator(PLAY).scrollIntoViewIfNeeded();
    await page.locator(PLAY).tap();
    await expect(page.locator(PLAY)).toHaveText("Stop");
    await scheduled(page, 3);
    for (const [i, wait] of [1, 450, 450].entries()) {
      await page.clock.runFor(wait);
      await expectSelected(page, i);
      const motion = await page
        .locator(".chart-marker")
        .evaluate((m) => [getComputedStyle(m).transitionDuration, getComputedStyle(m).animationName]);
      expect(motion).toEqual(["0s", "none"]);
    }
  });
});

test("without Web Audio the control says so in words, and the chart still works", async ({ page }) => {
  await page.addInitScript(() => {
    delete window.AudioContext;
    delete window.webkitAudioContext;
  });
  await openChart(page);
  const play = page.locator(PLAY);
  await play.click();
  await expect(page.locator(STATUS)).toHaveText(CANNOT);
  await expect(play).toHaveText("Play the trend");
  await expect(page.locator(STATUS)).toBeVisible();
  // The rest of the figure is unharmed: the keyboard still selects points.
  await page.locator("#chart .chart-focus").focus();
  await page.keyboard.press("End");
  await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(VALUES[2]);
});

test("when the audio refuses to start the control says so, and nothing is scheduled", async ({ page }) => {
  await recordAudio(page);
  await page.addInitScript(() => {
    AudioContext.prototype.resume = () => Promise.reject(new DOMException("Refused by the test", "NotAllowedError"));
  });
  await openChart(page);
  await page.locator(PLAY).click();
  await expect(page.locator(STATUS)).toHaveText(CANNOT);
  await expect(page.locator(PLAY)).toHaveText("Play the trend");
  expect((await audio(page)).tones).toEqual([]);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("there is no Play control", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator(".chart-sound")).toBeHidden();
    await expect(page.getByRole("button", { name: "Play the trend" })).toHaveCount(0);
  });
});
