// The keyboard: Tab reaches the chart (one tab stop, with a visible focus ring), and the arrow
// keys walk the points, each announced in the live region with its period and value.
import assert from "node:assert/strict";
import { CONTENT, POINT_VALUES } from "../shared.mjs";
import { waitUntil } from "../engines/processes.mjs";
import { visibleTooltip } from "./pointer.mjs";

const CHART_FOCUS = "#chart .chart-focus";

/** In the page: whether the chart's tab stop has the focus, and its outline. */
function focusState(selector) {
  const element = document.querySelector(selector);
  return {
    focused: document.activeElement === element,
    active: document.activeElement ? document.activeElement.outerHTML.slice(0, 80) : null,
    outline: getComputedStyle(element).outlineStyle,
  };
}

const liveText = () => document.getElementById("chart-live").textContent;

async function expectAnnounced(engine, index) {
  const { period } = CONTENT.chart.points[index];
  const value = POINT_VALUES[index];
  const text = await waitUntil(
    async () => {
      const text = await engine.evaluate(liveText);
      return text.includes(value) && text.toLowerCase().includes(period.toLowerCase()) && text;
    },
    { timeout: 3000, what: `the live region to announce ${period}: ${value}` },
  ).catch(async (error) => {
    throw new Error(`${error.message} (it says "${await engine.evaluate(liveText)}")`);
  });
  assert.ok(text);
}

export async function assertKeyboard(engine) {
  let state = await engine.evaluate(focusState, CHART_FOCUS);
  for (let presses = 0; presses < 30 && !state.focused; presses++) {
    await engine.press("Tab");
    state = await engine.evaluate(focusState, CHART_FOCUS);
  }
  assert.ok(state.focused, `Tab did not reach the chart (the focus is on ${state.active})`);
  assert.equal(state.outline, "solid", "the chart's focus ring");

  for (const index of POINT_VALUES.keys()) {
    await engine.press("ArrowRight");
    await expectAnnounced(engine, index);
  }
  for (let index = POINT_VALUES.length - 2; index >= 0; index--) {
    await engine.press("ArrowLeft");
    await expectAnnounced(engine, index);
  }
  await engine.press("End");
  await expectAnnounced(engine, POINT_VALUES.length - 1);

  // Escape closes the tooltip and ends the announcement; the next Tab leaves the chart.
  await engine.press("Escape");
  await waitUntil(async () => (await engine.evaluate(visibleTooltip)) === null && (await engine.evaluate(liveText)) === "", {
    timeout: 2000,
    what: "Escape to close the tooltip and empty the live region",
  });
  await engine.press("Tab");
  assert.equal((await engine.evaluate(focusState, CHART_FOCUS)).focused, false, "a second tab stop in the chart");
}
