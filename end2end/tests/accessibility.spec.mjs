// axe-core (WCAG 2.0 A/AA, 2.1 AA) on the page as readers see it, and screenshots to look at.
import { test, expect, CHART_FOCUS, openChart, ARTIFACTS, axeViolations } from "./fixtures.mjs";

for (const colorScheme of ["light", "dark"]) {
  for (const width of [375, 1280]) {
    test(`no axe violations at ${width} px, ${colorScheme}, with the tooltip open`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      const chart = await openChart(page);
      await page.locator(CHART_FOCUS).focus();
      await page.keyboard.press("ArrowRight");
      await expect(page.locator(".chart-tooltip")).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await page.screenshot({ path: `${ARTIFACTS}page-${width}-${colorScheme}.png`, fullPage: true });
      await chart.scrollIntoViewIfNeeded();
      await page.locator("figure").screenshot({ path: `${ARTIFACTS}figure-${width}-${colorScheme}.png` });
    });
  }
}
