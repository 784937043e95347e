/**
 * Screenshots of the main screens in light and dark, desktop and mobile, saved under
 * test-results/screenshots/ (and attached to the report) for a human to look at.
 * Each screen is also checked for the one thing that must be on it, so a blank or
 * broken page fails here rather than producing a blank picture.
 */
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./support/app";
import { DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOT_DIR } from "./support/constants";

test.describe.configure({ mode: "serial" });

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 375, height: 812 },
} as const;
const SCHEMES = ["light", "dark"] as const;

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: VIEWPORTS.desktop, colorScheme: "light" });
});

test.afterAll(async () => {
  await page.close();
});

/**
 * A page wider than the viewport scrolls sideways on a phone. Recorded as an annotation
 * (shown in the report and printed) rather than failing: it is for a human to judge.
 */
async function noteHorizontalOverflow(shot: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const culprits = [...document.querySelectorAll<HTMLElement>("main *, header *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")} "${el.textContent.trim().slice(0, 30)}"`);
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
  if (overflow) {
    const description = `${shot}: page is ${String(overflow.scrollWidth)}px wide in a ${String(overflow.width)}px viewport; first elements past the right edge: ${overflow.culprits.join("; ")}`;
    test.info().annotations.push({ type: "horizontal overflow", description });
    console.warn(`[screens] ${description}`);
  }
}

/** Shoots the current page in every scheme × viewport; `ready` must hold in each. */
async function shoot(name: string, ready: (page: Page) => Promise<void>) {
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    for (const scheme of SCHEMES) {
      // The app follows the system theme by default (no stored choice).
      await page.emulateMedia({ colorScheme: scheme });
      const html = page.locator("html");
      if (scheme === "dark") await expect(html).toHaveClass(/\bdark\b/);
      else await expect(html).not.toHaveClass(/\bdark\b/);
      await ready(page);
      await expect(page.getByRole("status", { name: /^Loading/ })).toHaveCount(0);
      await noteHorizontalOverflow(`${name}-${scheme}-${viewportName}`);
      const file = path.join(SCREENSHOT_DIR, `${name}-${scheme}-${viewportName}.png`);
      const body = await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
      await test.info().attach(`${name}-${scheme}-${viewportName}`, { body, contentType: "image/png" });
    }
  }
  await page.setViewportSize(VIEWPORTS.desktop);
  await page.emulateMedia({ colorScheme: "light" });
}

test("login", async () => {
  await page.goto("/login");
  await shoot("login", async (p) => {
    await expect(p.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });
  await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
});

test("dashboard", async () => {
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await shoot("dashboard", async (p) => {
    await expect(p.getByTestId("total-value")).toBeVisible();
    await expect(p.getByRole("heading", { name: "Most valuable" })).toBeVisible();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Collection" }).click();
});

test("collection list", async () => {
  await expect(page.getByRole("heading", { name: "Collection", level: 1 })).toBeVisible();
  await shoot("collection", async (p) => {
    await expect(p.getByText(/^\d+ items$/)).toBeVisible();
    await expect(p.getByRole("navigation", { name: "Pagination" })).toBeVisible();
  });
});

test("mobile navigation menu", async () => {
  await page.setViewportSize(VIEWPORTS.mobile);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole("button", { name: "Open menu" }).click();
    const menu = page.getByRole("dialog");
    await expect(menu.getByRole("link", { name: "Add item" })).toBeVisible();
    const body = await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `menu-${scheme}-mobile.png`),
      animations: "disabled",
    });
    await test.info().attach(`menu-${scheme}-mobile`, { body, contentType: "image/png" });
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
  }
  await page.setViewportSize(VIEWPORTS.desktop);
  await page.emulateMedia({ colorScheme: "light" });
});

test("item form", async () => {
  await page.goto("/collection/new");
  await shoot("item-form", async (p) => {
    await expect(p.getByRole("heading", { name: "Card details" })).toBeVisible();
  });
});

test("item detail and edit form", async () => {
  await page.goto("/collection?category=trading_card&ordering=name");
  await page.getByRole("link", { name: "Charizard", exact: true }).first().click();
  await expect(page).toHaveURL(/\/collection\/\d+$/);
  await shoot("item-detail", async (p) => {
    await expect(p.getByRole("heading", { name: "Charizard", level: 1 })).toBeVisible();
    await expect(p.getByRole("heading", { name: "Price history" })).toBeVisible();
    // The demo Charizard has a year of history: wait for the lazily loaded chart.
    await expect(p.getByRole("img", { name: /^Price chart, \d+ series/ }).locator(".recharts-line path").first()).toBeVisible();
  });

  await page.getByRole("link", { name: "Edit" }).click();
  await shoot("item-edit", async (p) => {
    await expect(p.getByRole("form", { name: "Edit item" }).getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Charizard");
  });
});
