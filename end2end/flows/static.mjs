// Without the app (its wasm refused: serve.mjs's /__static/ pages), the prerendered static chart
// stands in and the notice says why. The flows look at it next to the canvas that replaces it.
import assert from "node:assert/strict";
import { waitUntil } from "../engines/processes.mjs";

function staticState() {
  const svg = [...document.querySelectorAll("#chart .chart-static svg")].find((s) => s.checkVisibility());
  const rect = svg?.getBoundingClientRect();
  return {
    svg: rect ? { width: rect.width, height: rect.height, texts: svg.querySelectorAll("text").length } : null,
    box: document.getElementById("chart").getBoundingClientRect().width,
    interactive: performance.getEntriesByName("chart-interactive").length > 0,
  };
}

export async function assertStaticStandsIn(engine, url, view) {
  await engine.open(new URL("__static/", url).href, view);
  await waitUntil(() => engine.evaluate(() => !document.getElementById("notice").hidden), {
    timeout: 10_000,
    what: "the notice that the chart is not interactive (the wasm is refused)",
  });
  const state = await engine.evaluate(staticState);
  assert.equal(state.interactive, false);
  assert.ok(state.svg, "no static chart shows");
  assert.ok(Math.abs(state.svg.width - state.box) <= 0.5, `the static chart is ${state.svg.width} px in a ${state.box} px box`);
  assert.ok(state.svg.texts > 5, "the static chart has no labels");
}
