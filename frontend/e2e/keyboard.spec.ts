/**
 * Keyboard and screen-reader flow (issue 16): a route change moves focus to the new page's
 * heading and scrolls to the top; the price chart is no focus stop (a labelled image);
 * closing a dialog gives focus back to the control that opened it.
 */
import { expect, test } from "@playwright/test";

import { signIn } from "./support/app";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./support/constants";

test.beforeEach(async ({ page }) => {
  await page.goto("/login?next=%2Fcollection%3Fcategory%3Dtrading_card%26ordering%3Dname");
  await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
});

test("a route change focuses the new page's heading at the top of the page", async ({ page }) => {
  await expect(page.getByRole("heading", { name: "Collection", level: 1 })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.evaluate(() => { window.scrollTo(0, document.body.scrollHeight); });
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const link = page.getByRole("link", { name: "Charizard", exact: true }).first();
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Charizard", level: 1 })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // Tab from the heading goes on through the page, never into the chart.
  const chart = page.getByRole("img", { name: /^Price chart, \d+ series/ });
  await expect(chart.locator(".recharts-line path").first()).toBeVisible();
  await expect(chart.locator("[tabindex]:not([tabindex='-1']), a[href], button")).toHaveCount(0);
  let passedTheChart = false;
  for (let step = 0; step < 40 && !passedTheChart; step += 1) {
    await page.keyboard.press("Tab");
    const where = await chart.evaluate((figure) => {
      const active = document.activeElement;
      if (!active || active === document.body) return "none";
      if (figure.contains(active)) return "inside";
      return figure.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? "after" : "before";
    });
    expect(where, `Tab ${String(step + 1)} landed inside the chart`).not.toBe("inside");
    passedTheChart = where === "after";
  }
  expect(passedTheChart, "Tab never got past the chart").toBe(true);
});

test("closing a dialog returns focus to the button that opened it", async ({ page }) => {
  await page.getByRole("link", { name: "Charizard", exact: true }).first().click();
  const opener = page.getByRole("button", { name: "Add tracker" });
  await opener.click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(opener).toBeFocused();
});
