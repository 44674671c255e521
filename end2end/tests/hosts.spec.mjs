// How other hosts serve the build. A host may serve the page, or a partner the embed, under
// stricter headers than ours: Trusted Types enforced (no string may reach `innerHTML` and the
// other HTML sinks), cross-origin isolation, and the clipboard, full screen and autoplay turned
// off by a Permissions-Policy.
// The app must still hydrate and answer the pointer, the keyboard and its buttons there, with a
// clean console: under Trusted Types a blocked write throws out of the wasm and stops the app.
import { test, expect, CHART_CANVAS, CHART_FOCUS, VALUES, CONTENT, waitInteractive } from "./fixtures.mjs";
import { TRUSTED_TYPES } from "../serve.mjs";
import { trustedTypesEnforced } from "../flows/page.mjs";

const unit = CONTENT.chart.unit;

/** What a strict host adds to every HTML response, besides Trusted Types in a second policy.
 * Our own headers carry the embedder policy already (tools/deploy-files.mjs); the opener policy
 * makes the page cross-origin isolated. */
const STRICT_HEADERS = {
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "clipboard-write=(), fullscreen=(), autoplay=()",
};

/** Serves every HTML page of the test's server with STRICT_HEADERS and Trusted Types. */
async function serveStrictly(page) {
  await page.route(
    (url) => url.pathname.endsWith("/") || url.pathname.endsWith(".html"),
    async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      const policy = headers["content-security-policy"];
      await route.fulfill({
        response,
        headers: {
          ...headers,
          ...STRICT_HEADERS,
          "content-security-policy": policy ? `${policy}, ${TRUSTED_TYPES}` : TRUSTED_TYPES,
        },
      });
    },
  );
}

/** Proves the page enforces Trusted Types: an HTML string written to `innerHTML` throws. The
 * write logs one violation, which this takes out of the test's console messages. */
async function expectTrustedTypesEnforced(page, consoleMessages) {
  expect(await trustedTypesEnforced(page), "innerHTML throws under Trusted Types").toBe(true);
  const violation = () => consoleMessages.findIndex((m) => m.includes("TrustedHTML"));
  await expect.poll(violation).toBeGreaterThanOrEqual(0);
  consoleMessages.splice(violation(), 1);
}

/** Moves the mouse to the chart's `x` fraction of its width, half its height, and expects the
 * tooltip to show `value`. */
async function expectHoverShows(page, x, value) {
  await page.locator("#chart").scrollIntoViewIfNeeded();
  const box = await page.locator(CHART_CANVAS).boundingBox();
  await page.mouse.move(box.x + box.width * x, box.y + box.height / 2);
  await expect(page.locator(".chart-tooltip .tooltip-value")).toHaveText(`${value} ${unit}`);
}

test("under Trusted Types and cross-origin isolation the chart answers pointer, keyboard and buttons", async ({
  page,
  consoleMessages,
}) => {
  await serveStrictly(page);
  await page.goto("/");
  await waitInteractive(page);
  expect(await page.evaluate(() => crossOriginIsolated), "the headers reached the page").toBe(true);

  // The pointer: the middle of the chart selects the middle point.
  await expectHoverShows(page, 0.5, VALUES[1]);

  // The keyboard.
  await page.locator(CHART_FOCUS).focus();
  await page.keyboard.press("End");
  await expect(page.locator("[aria-live]")).toContainText(`${VALUES.at(-1)} ${unit}`);

  // The buttons: the table and back, the scale, and the actions the policy turns off say so.
  const button = (name) => page.getByRole("button", { name, exact: true });
  await button("Table").click();
  await expect(page.getByRole("table")).toBeVisible();
  await button("Chart").click();
  await button("Logarithmic").click();
  await expect(button("Logarithmic")).toHaveAttribute("aria-pressed", "true");
  await button("Copy image").click();
  // The clipboard is off: the status line points to the download instead.
  await expect(page.locator(".action-status")).toContainText("did not copy the image");
  await expect(button("Full screen")).toBeHidden();

  await expectTrustedTypesEnforced(page, consoleMessages);
  // The app still runs after all that: the left edge selects the first point.
  await expectHoverShows(page, 0.02, VALUES[0]);
});

test("the embed page runs under Trusted Types", async ({ page, consoleMessages }) => {
  await serveStrictly(page);
  await page.goto("/embed.html");
  await waitInteractive(page);
  await expectHoverShows(page, 0.5, VALUES[1]);
  await expectTrustedTypesEnforced(page, consoleMessages);
});

// Streaming compilation needs `application/wasm`; a bucket uploaded without types or a small dev
// server sends `application/octet-stream` or nothing. The loader then compiles the downloaded
// bytes instead, and the app starts as anywhere else.
for (const type of ["application/octet-stream", null]) {
  test(`the app starts when the wasm is served as ${type ?? "no type at all"}`, async ({ page }) => {
    let served = 0;
    await page.route("**/*.wasm", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["content-type"];
      if (type) headers["content-type"] = type;
      served++;
      await route.fulfill({ response, headers });
    });
    await page.goto("/");
    await waitInteractive(page);
    expect(served, "the test's wasm was the one the page ran").toBe(1);
    await expectHoverShows(page, 0.5, VALUES[1]);
  });
}
