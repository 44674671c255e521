// The dark scheme darkens the page's background and the chart's colours (its painted pixels:
// mostly the shaded year, then the grid, labels and line). `light` and `dark` are
// readChartCanvas() results at the same width.
import assert from "node:assert/strict";

export function assertDarkScheme(light, dark) {
  assert.ok(
    light.pageLuminance - dark.pageLuminance > 0.5,
    `the page background: light rgb(${light.page}), dark rgb(${dark.page})`,
  );
  assert.ok(
    light.paintedLuminance - dark.paintedLuminance > 0.3,
    `the chart's mean luminance: light ${light.paintedLuminance.toFixed(2)}, dark ${dark.paintedLuminance.toFixed(2)}`,
  );
}
