// The chart: the canvas has taken over in the static chart's place, it is drawn, crisp (backing
// store = CSS size × devicePixelRatio) and fills the article's column without sideways scroll.
import assert from "node:assert/strict";
import { readChartCanvas } from "../shared.mjs";

/** In the page: the boxes the flow compares, in page coordinates (CSS px). */
function layout() {
  const box = (element) => {
    const rect = element.getBoundingClientRect();
    return { x: rect.left + scrollX, y: rect.top + scrollY, width: rect.width, height: rect.height };
  };
  const main = document.querySelector("main");
  const style = getComputedStyle(main);
  const canvas = document.querySelector("#chart canvas.chart-canvas");
  const staticChart = document.querySelector("#chart .chart-static");
  return {
    chartBox: box(document.getElementById("chart")),
    chartBoxBeforeApp: window.__capture.chartBoxBeforeApp,
    canvas: box(canvas),
    canvasVisible: canvas.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true, opacityProperty: true, checkOpacity: true }),
    staticShown: staticChart.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true }),
    column: main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
    pageWidth: document.documentElement.scrollWidth,
    viewportWidth: document.documentElement.clientWidth,
  };
}

const near = (a, b) => Math.abs(a - b) <= 0.5;

/** Asserts all of the above at a viewport `width`, on a screen of pixel ratio `ratio`. */
export async function assertChartDrawn(engine, { width, ratio }) {
  const boxes = await engine.evaluate(layout);
  const canvas = await engine.evaluate(readChartCanvas);

  // The canvas has taken over, in place: the static chart is gone, the canvas shows, and the
  // chart box is where and as big as the static chart's was before the app started.
  assert.equal(boxes.staticShown, false, "the static chart still shows");
  assert.equal(boxes.canvasVisible, true, "the canvas is not visible");
  assert.ok(boxes.chartBoxBeforeApp, "capture.js did not record the static chart's box");
  for (const key of ["x", "y", "width", "height"]) {
    assert.ok(near(boxes.chartBox[key], boxes.chartBoxBeforeApp[key]), `the chart box moved at the handover: ${JSON.stringify(boxes)}`);
    assert.ok(near(boxes.canvas[key], boxes.chartBox[key]), `the canvas does not cover the chart box: ${JSON.stringify(boxes)}`);
  }

  // Drawn: a real share of the canvas is painted (the shaded year, axes, labels, line,
  // points), in many colours (not one filled box).
  assert.ok(canvas.pixels > 0, "the canvas has no pixels");
  assert.ok(canvas.painted > canvas.pixels * 0.02, `the canvas is (nearly) blank: ${canvas.painted} of ${canvas.pixels} pixels painted`);
  assert.ok(canvas.colours >= 8, `the canvas has only ${canvas.colours} colours`);

  // Crisp: one backing pixel per device pixel.
  assert.equal(canvas.ratio, ratio, "devicePixelRatio is not the one asked for");
  assert.deepEqual(canvas.backing, canvas.css.map((css) => Math.round(css * ratio)), "backing store ≠ CSS size × devicePixelRatio");

  // Fills the article's column, and nothing scrolls sideways.
  assert.ok(near(boxes.canvas.width, boxes.column), `the canvas is ${boxes.canvas.width} px wide in a ${boxes.column} px column`);
  assert.ok(boxes.column > width * 0.4, `the column is ${boxes.column} px at a ${width} px viewport`);
  assert.ok(boxes.pageWidth <= boxes.viewportWidth, `the page scrolls sideways: ${boxes.pageWidth} > ${boxes.viewportWidth}`);
  return canvas;
}

/**
 * Changes the page's devicePixelRatio to `ratio` (engine.setRatio) and asserts the canvas is
 * drawn again, crisp at the new ratio: its backing store becomes CSS size × `ratio`, painted.
 */
export async function assertRedrawnAtRatio(engine, ratio) {
  await engine.setRatio(ratio);
  let canvas = null;
  for (let tries = 0; tries < 50; tries++) {
    canvas = await engine.evaluate(readChartCanvas);
    const crisp = canvas.backing.every((pixels, i) => pixels === Math.round(canvas.css[i] * ratio));
    if (canvas.ratio === ratio && crisp && canvas.painted > canvas.pixels * 0.02) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  assert.fail(`after a change to ${ratio} device pixels per CSS pixel the canvas is ${JSON.stringify(canvas)}`);
}
