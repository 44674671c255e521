// Hovering: moving the mouse along the chart shows each point's value and period, in order, in a
// tooltip that is really visible (shown, opaque, on screen, clear of the point it describes);
// leaving the chart closes it.
import assert from "node:assert/strict";
import { CONTENT, POINT_VALUES } from "../shared.mjs";
import { waitUntil } from "../engines/processes.mjs";

/** In the page: the chart scrolled to the middle of the viewport; the canvas's viewport box. */
function centreChart() {
  document.getElementById("chart").scrollIntoView({ block: "center", behavior: "instant" });
  const rect = document.querySelector("#chart canvas.chart-canvas").getBoundingClientRect();
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

/** In the page: the tooltip as a reader sees it (null while it is not visible). */
export function visibleTooltip() {
  const tooltip = document.querySelector("#chart .chart-tooltip");
  const marker = tooltip.closest(".chart-marker");
  const shown =
    !marker.hidden &&
    tooltip.checkVisibility({ checkOpacity: true, opacityProperty: true, checkVisibilityCSS: true, visibilityProperty: true }) &&
    Number(getComputedStyle(tooltip).opacity) > 0.9;
  if (!shown) return null;
  const rect = tooltip.getBoundingClientRect();
  const point = marker.getBoundingClientRect(); // the marker box is placed at the point's centre
  const line = (selector) => tooltip.querySelector(selector)?.textContent ?? "";
  return {
    value: line(".tooltip-value"),
    period: line(".tooltip-period"),
    rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
    point: { x: point.left, y: point.top },
    viewport: { width: document.documentElement.clientWidth, height: innerHeight },
  };
}

/** Which point of the content file `tooltip` describes (by value and period), or -1. */
function pointOf(tooltip) {
  return CONTENT.chart.points.findIndex(
    (point, i) =>
      tooltip.value === POINT_VALUES[i] && tooltip.period.toLowerCase().includes(point.period.toLowerCase()),
  );
}

function assertReadable(tooltip) {
  const { rect, point, viewport } = tooltip;
  assert.ok(rect.right - rect.left > 20 && rect.bottom - rect.top > 20, `the tooltip is tiny: ${JSON.stringify(rect)}`);
  assert.ok(
    rect.left >= 0 && rect.top >= 0 && rect.right <= viewport.width && rect.bottom <= viewport.height,
    `the tooltip is cut off by the viewport: ${JSON.stringify(tooltip)}`,
  );
  const coversPoint = point.x > rect.left && point.x < rect.right && point.y > rect.top && point.y < rect.bottom;
  assert.ok(!coversPoint, `the tooltip covers its point: ${JSON.stringify(tooltip)}`);
}

/**
 * Sweeps the mouse across the chart at mid-height and checks what each point shows. Calls
 * `beforeLeaving()` (e.g. a screenshot) with the middle point's tooltip open.
 */
export async function assertHover(engine, { beforeLeaving } = {}) {
  const canvas = await engine.evaluate(centreChart);
  const y = canvas.top + canvas.height / 2;
  const at = (fraction) => canvas.left + canvas.width * fraction;

  // The entrance animation may still run (the chart was below the fold): no tooltip until the
  // line has reached its points.
  await engine.mouseMove(at(0.02), y);
  await waitUntil(() => engine.evaluate(visibleTooltip), { timeout: 5000, what: "a tooltip at the chart's left edge" });

  // Each value seen, in order, with the first and last mouse position that showed it.
  const seen = [];
  const steps = Math.max(24, 8 * POINT_VALUES.length);
  for (let step = 0; step <= steps; step++) {
    const fraction = 0.02 + (0.96 * step) / steps;
    await engine.mouseMove(at(fraction), y);
    const tooltip = await engine.evaluate(visibleTooltip);
    assert.ok(tooltip, `no visible tooltip with the mouse at ${Math.round(fraction * 100)}% of the chart's width`);
    const index = pointOf(tooltip);
    assert.ok(index >= 0, `the tooltip says "${tooltip.period}: ${tooltip.value}", no point of the content file`);
    if (seen.at(-1)?.index === index) {
      seen.at(-1).to = fraction;
      continue;
    }
    seen.push({ index, from: fraction, to: fraction });
    assertReadable(tooltip);
  }
  assert.deepEqual(
    seen.map((s) => `${CONTENT.chart.points[s.index].period}: ${POINT_VALUES[s.index]}`),
    CONTENT.chart.points.map((p, i) => `${p.period}: ${POINT_VALUES[i]}`),
    "the points seen sweeping left to right",
  );

  // Back to the middle point (for the screenshot: a tooltip open mid-chart).
  const middle = Math.floor(POINT_VALUES.length / 2);
  await engine.mouseMove(at((seen[middle].from + seen[middle].to) / 2), y);
  await waitUntil(async () => pointOf((await engine.evaluate(visibleTooltip)) ?? { value: "", period: "" }) === middle, {
    timeout: 2000,
    what: `the tooltip of ${CONTENT.chart.points[middle].period}`,
  });
  await beforeLeaving?.();

  // Leaving the chart with the mouse closes the tooltip.
  await engine.mouseMove(at(0.5), canvas.top > 30 ? canvas.top - 20 : canvas.top + canvas.height + 20);
  await waitUntil(async () => (await engine.evaluate(visibleTooltip)) === null, {
    timeout: 2000,
    what: "the tooltip to close when the mouse leaves the chart",
  });
}
