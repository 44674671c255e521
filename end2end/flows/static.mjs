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

/**
 * Where no script of ours runs (the loader refused: serve.mjs's /__noloader/ pages), the
 * stylesheet's timer shows the notice after 4 s and the controls that need the app leave no
 * gap: none of them is in the flow (Firefox, which does not animate `display`, kept their space).
 */
export async function assertNoLoaderClosesUp(engine, url, view) {
  await engine.open(new URL("__noloader/", url).href, view);
  const noticeShows = () => {
    const notice = document.getElementById("notice");
    return notice.checkVisibility({ visibilityProperty: true }) && notice.getBoundingClientRect().height > 0;
  };
  await waitUntil(() => engine.evaluate(noticeShows), {
    timeout: 10_000,
    what: "the notice that the chart is not interactive (the loader refused)",
  });
  const inFlow = await engine.evaluate(() =>
    [...document.querySelectorAll(".needs-js")]
      .filter((element) => {
        const style = getComputedStyle(element);
        return style.display !== "none" && style.position !== "absolute";
      })
      .map((element) => `${element.className}: ${Math.round(element.getBoundingClientRect().height)} px`),
  );
  assert.deepEqual(inFlow, [], "controls that need the app still take their space");
}
