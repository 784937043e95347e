/**
 * Accessibility (issue 16): axe-core over every page, in light and in dark, fails on any
 * serious or critical violation (WCAG 2.1 A/AA rules). The signed-in pages are the demo
 * account's, which has items, charts, wants, alerts and notifications to draw; the public
 * page is a fresh account's collection made public, read signed out.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { apiToken, signIn, uniqueEmail } from "./support/app";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./support/constants";

const SCHEMES = ["light", "dark"] as const;
const BLOCKING = new Set(["serious", "critical"]);

/** Every axe violation that blocks, one readable line each (rule, impact, where). */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.slice(0, 5).map((node) => `${violation.id} (${violation.impact ?? ""}): ${node.target.join(" ")} — ${node.failureSummary ?? ""}`),
    );
}

/** Scans the page as it stands in both schemes; `ready` must hold first in each. */
async function scan(page: Page, name: string, ready: () => Promise<void>) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    if (scheme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    await ready();
    await expect(page.getByRole("status", { name: /^Loading/ })).toHaveCount(0);
    expect(await blockingViolations(page), `${name} in ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

const heading = (page: Page, name: string | RegExp) => () => expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

test.describe("signed out", () => {
  for (const [address, title] of [
    ["/login", "Sign in"],
    ["/register", "Create your account"],
    ["/forgot-password", /password/i],
  ] as const) {
    test(`${address} has no serious violation`, async ({ page }) => {
      await page.goto(address);
      await scan(page, address, heading(page, title));
    });
  }

  test("a public collection page has no serious violation", async ({ browser, request }, testInfo) => {
    const email = uniqueEmail("a11y");
    const password = `E2e-${Math.random().toString(36).slice(2)}-pass!`;
    const registered = await request.post("/api/v1/auth/register", { data: { email, password, display_name: "Misty" } });
    expect(registered.status(), await registered.text()).toBe(202);
    const headers = { Authorization: `Bearer ${await apiToken(request, email, password)}` };
    const item = await request.post("/api/v1/collectibles/", {
      headers, data: { name: "Staryu", category: "trading_card", purchase_price: "3.00", purchase_currency: "USD" },
    });
    expect(item.status(), await item.text()).toBe(201);
    const vendors = (await (await request.get("/api/v1/vendors/", { headers })).json()) as { results: { id: number; name: string; slug: string }[] };
    const vendor = vendors.results[0];
    if (!vendor) throw new Error("a new account has its personal collection");
    const published = await request.patch(`/api/v1/vendors/${String(vendor.id)}/`, {
      headers, data: { collection_visibility: "public", share_show_prices: true },
    });
    expect(published.status(), await published.text()).toBe(200);

    const stranger = await strangerPage(browser, testInfo.project.use.baseURL);
    try {
      await stranger.goto(`/p/${vendor.slug}`);
      await scan(stranger, "public page", heading(stranger, vendor.name));
    } finally {
      await stranger.context().close();
    }
  });
});

async function strangerPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test.describe("signed in", () => {
  let page: Page;

  test.beforeAll(async ({ browser }, testInfo) => {
    page = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
    await page.goto("/login");
    await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  const pages: [string, string, string | RegExp][] = [
    ["dashboard", "/", "Dashboard"],
    ["collection", "/collection", "Collection"],
    ["new item", "/collection/new", "Add an item"],
    ["search", "/search?q=charizard", /Search/],
    ["import", "/import", /Import/],
    ["wants", "/wants", "Want list"],
    ["new want", "/wants/new", "Add a want"],
    ["alerts", "/alerts", "Alerts"],
    ["profile settings", "/settings", "Settings"],
    ["security settings", "/settings/security", "Settings"],
    ["account settings", "/settings/account", "Settings"],
    ["notification settings", "/settings/notifications", "Settings"],
    ["collections settings", "/settings/collections", "Settings"],
    ["a missing page", "/no-such-page", /not found/i],
  ];
  for (const [name, address, title] of pages) {
    test(`${name} has no serious violation`, async () => {
      await page.goto(address);
      await scan(page, name, heading(page, title));
    });
  }

  test("an item's page and its edit form have no serious violation", async () => {
    await page.goto("/collection?category=trading_card&ordering=name");
    await page.getByRole("link", { name: "Charizard", exact: true }).first().click();
    await expect(page).toHaveURL(/\/collection\/\d+$/);
    await scan(page, "item page", async () => {
      await expect(page.getByRole("heading", { name: "Charizard", level: 1 })).toBeVisible();
      await expect(page.getByRole("img", { name: /^Price chart, \d+ series/ }).locator(".recharts-line path").first()).toBeVisible();
    });
    await page.getByRole("link", { name: "Edit" }).click();
    await scan(page, "edit form", heading(page, /Edit/));
  });

  test("the open search palette and the add-tracker dialog have no serious violation", async () => {
    await page.goto("/collection?category=trading_card&ordering=name");
    await page.getByRole("link", { name: "Charizard", exact: true }).first().click();
    await page.getByRole("button", { name: "Add tracker" }).click();
    await scan(page, "tracker dialog", () => expect(page.getByRole("dialog")).toBeVisible());
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+k");
    await scan(page, "search palette", () => expect(page.getByRole("dialog")).toBeVisible());
    await page.keyboard.press("Escape");
  });

  test("the item's delete prompt, the bulk edit and save-view dialogs and the menus have no serious violation", async () => {
    await page.goto("/collection?category=trading_card&ordering=name");
    await page.getByRole("link", { name: "Charizard", exact: true }).first().click();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await scan(page, "delete prompt", () => expect(page.getByRole("alertdialog")).toBeVisible());
    await page.keyboard.press("Escape");

    await page.goto("/collection?category=trading_card&ordering=name");
    await page.getByRole("checkbox", { name: "Select all items on this page" }).click();
    await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Add tags" }).click();
    await scan(page, "bulk edit dialog", () => expect(page.getByRole("dialog", { name: /^Add tags to/ })).toBeVisible());
    await page.keyboard.press("Escape");
    await page.getByRole("checkbox", { name: "Select all items on this page" }).click();

    await page.getByRole("button", { name: "Save view" }).click();
    await scan(page, "save-view dialog", () => expect(page.getByRole("dialog", { name: "Save this view" })).toBeVisible());
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: /^Notifications/ }).click();
    await scan(page, "notification inbox", () => expect(page.getByRole("dialog").getByRole("heading", { name: "Notifications" })).toBeVisible());
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /^Account menu for/ }).click();
    await scan(page, "account menu", () => expect(page.getByRole("menu")).toBeVisible());
    await page.keyboard.press("Escape");
  });

  test("a want's “I bought it” dialog has no serious violation", async () => {
    await page.goto("/wants");
    await page.getByRole("table").getByRole("link").first().click();
    await page.getByRole("button", { name: "I bought it" }).click();
    await scan(page, "acquire dialog", () => expect(page.getByRole("dialog", { name: "I bought it" })).toBeVisible());
    await page.keyboard.press("Escape");
  });
});
