/**
 * Accessibility (issue 16): axe-core over every page, in light and in dark, fails on any
 * serious or critical violation (WCAG 2.1 A/AA rules). The signed-in pages are the demo
 * account's, which has items, charts, wants, alerts and notifications to draw; the public
 * and unlisted pages, the invitation and the mailed links are a fresh account's, read
 * signed out; the import's review and result steps are another fresh account's. The
 * overlays are in accessibility-overlays.spec.ts; the helpers in support/axe.ts.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";

import { registerAccount, signedInPage, signIn, uniqueEmail } from "./support/app";
import { heading, scan } from "./support/axe";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./support/constants";
import { linkInMail } from "./support/mail";

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

  test("the public and unlisted pages and the mailed links have no serious violation", async ({ browser, request }, testInfo) => {
    const { email, headers } = await registerAccount(request, "a11y", "Misty");
    const item = await request.post("/api/v1/collectibles/", {
      headers, data: { name: "Staryu", category: "trading_card", purchase_price: "3.00", purchase_currency: "USD" },
    });
    expect(item.status(), await item.text()).toBe(201);
    const vendors = (await (await request.get("/api/v1/vendors/", { headers })).json()) as { results: { id: number; name: string; slug: string }[] };
    const vendor = vendors.results[0];
    if (!vendor) throw new Error("a new account has its personal collection");
    const share = async (visibility: "public" | "unlisted") => {
      const shared = await request.patch(`/api/v1/vendors/${String(vendor.id)}/`, {
        headers, data: { collection_visibility: visibility, share_show_prices: true },
      });
      expect(shared.status(), await shared.text()).toBe(200);
      return ((await shared.json()) as { share_token: string }).share_token;
    };
    const invited = await request.post(`/api/v1/vendors/${String(vendor.id)}/invitations/`, {
      headers, data: { email: uniqueEmail("a11y-guest"), role: "viewer" },
    });
    expect(invited.status(), await invited.text()).toBe(201);
    const invitation = new URL(((await invited.json()) as { link: string }).link).pathname;

    const stranger = await strangerPage(browser, testInfo.project.use.baseURL);
    try {
      await share("public");
      await stranger.goto(`/p/${vendor.slug}`);
      await scan(stranger, "public page", heading(stranger, vendor.name));
      await stranger.goto(`/share/${await share("unlisted")}`);
      await scan(stranger, "unlisted share page", heading(stranger, vendor.name));
      await stranger.goto(invitation);
      await scan(stranger, "invitation", heading(stranger, `Join “${vendor.name}”`));
      // A well-formed reset link: the form shows; its token is only checked on submit.
      await stranger.goto("/reset-password?uid=MQ&token=c0ffee-0123456789abcdef");
      await scan(stranger, "reset password", heading(stranger, "Choose a new password"));
      await stranger.goto(await linkInMail(email, "/verify-email"));
      await scan(stranger, "verify email", () => expect(stranger.getByRole("status").filter({ hasText: "is verified" })).toBeVisible());
    } finally {
      await stranger.context().close();
    }
  });
});

test("the import's review and result steps have no serious violation", async ({ browser, request }, testInfo) => {
  // A fresh account: the demo's item count is other specs' reference.
  const { email, password } = await registerAccount(request, "a11y-import", "Brock");
  const page = await strangerPage(browser, testInfo.project.use.baseURL);
  try {
    await page.goto("/login?next=%2Fimport");
    await signIn(page, email, password);
    // The second row has no name: the review lists it among the rows with errors.
    const csv = ["Name,Set,Quantity,Price paid", "Onix,Base Set,2,12.50", ",Base Set,1,3.00"].join("\n");
    await page.getByLabel("File to import").setInputFiles({ name: "cards.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("combobox", { name: "Category for rows without one" }).selectOption("trading_card");
    await scan(page, "import review", async () => {
      await expect(page.getByRole("table", { name: "Preview" }).getByText("Onix", { exact: true })).toBeVisible();
      await expect(page.getByRole("region", { name: "Rows with errors" })).toBeVisible();
    });
    await page.getByRole("button", { name: /^Import \d+ rows?$/ }).click();
    await scan(page, "import result", () => expect(page.getByRole("heading", { name: /^Imported/, level: 2 })).toBeVisible({ timeout: 30_000 }));
  } finally {
    await page.context().close();
  }
});

async function strangerPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test.describe("signed in", () => {
  let page: Page;

  test.beforeAll(async ({ browser }, testInfo) => {
    page = await signedInPage(browser, testInfo.project.use.baseURL, DEMO_EMAIL, DEMO_PASSWORD);
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
