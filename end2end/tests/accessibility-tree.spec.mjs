// What a screen reader gets, as a reviewed snapshot: Chromium's accessibility tree (CDP
// `Accessibility.getFullAXTree`) for the article, the chart and the table, one line per node
// that assistive technology sees (role, name, description, states), compared with
// end2end/snapshots/accessibility-tree.txt. A change to a name, role or live region fails here
// with a line diff and writes the new tree to test-results/; after reviewing it, update with
//   cd end2end && UPDATE_SNAPSHOTS=1 npx playwright test accessibility-tree
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { test, expect, CHART_FOCUS, openChart } from "./fixtures.mjs";

const SNAPSHOT = new URL("../snapshots/accessibility-tree.txt", import.meta.url).pathname;
const FRESH = new URL("../test-results/accessibility-tree.txt", import.meta.url).pathname;

// Roles that only group for layout: their children are listed in their place.
const LAYOUT_ONLY = new Set(["generic", "none", "presentation", "InlineTextBox", "LineBreak"]);
// Properties that change what a screen reader says or does.
const PROPERTIES = ["level", "live", "atomic", "relevant", "pressed", "checked", "expanded", "selected", "disabled", "modal", "invalid", "roledescription"];

/** The page's accessibility tree as text, two spaces of indent per level. */
async function accessibilityTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const clean = (text) => String(text ?? "").replace(/\s+/g, " ").trim();
  const lines = [];
  const walk = (node, depth, parentName) => {
    const role = node.role?.value;
    const name = clean(node.name?.value);
    // Text that only repeats its parent's name (a link's or a heading's own words) adds nothing.
    const shown = !node.ignored && !LAYOUT_ONLY.has(role) && !(role === "StaticText" && name === parentName);
    if (shown) {
      let line = `${"  ".repeat(depth)}${role}`;
      if (name) line += ` "${name}"`;
      const description = clean(node.description?.value);
      if (description) line += ` — described: "${description}"`;
      for (const property of node.properties ?? []) {
        // "pressed" and "expanded" say something when false too; the others only when set.
        const { name: key, value } = property;
        const said = ["pressed", "expanded"].includes(key) || !["false", false].includes(value.value);
        if (PROPERTIES.includes(key) && said) line += ` [${key}=${value.value}]`;
      }
      lines.push(line);
    }
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) walk(child, shown ? depth + 1 : depth, shown ? name : parentName);
    }
  };
  walk(nodes.find((node) => !node.parentId), 0, "");
  return lines.join("\n");
}

test("a screen reader gets the reviewed tree: the article, the chart, a selected point, the table", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openChart(page);
  const sections = [["The page as it opens", await accessibilityTree(page)]];

  await page.locator(CHART_FOCUS).focus();
  await page.keyboard.press("End");
  await expect(page.locator(".chart-tooltip")).toBeVisible();
  await expect(page.locator("#chart-live")).toContainText("Point 3 of 3.");
  sections.push(["The last point selected by keyboard (End)", await accessibilityTree(page)]);

  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Table", exact: true }).click();
  await expect(page.locator("#chart-table")).toBeVisible();
  sections.push(["The table view", await accessibilityTree(page)]);

  const tree = `${sections.map(([title, text]) => `# ${title}\n${text}\n`).join("\n")}`;
  for (const file of [FRESH, SNAPSHOT]) mkdirSync(dirname(file), { recursive: true });
  writeFileSync(FRESH, tree);
  if (process.env.UPDATE_SNAPSHOTS) writeFileSync(SNAPSHOT, tree);
  let reviewed;
  try {
    reviewed = readFileSync(SNAPSHOT, "utf8");
  } catch {
    throw new Error(`no snapshot at ${SNAPSHOT}: review ${FRESH}, then run with UPDATE_SNAPSHOTS=1`);
  }
  expect(tree, `the accessibility tree changed: review ${FRESH}, then update (see the top of this file)`).toBe(reviewed);
});
