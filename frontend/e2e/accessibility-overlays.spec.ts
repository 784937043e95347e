/**
 * Accessibility of the overlays (issue 16): every dialog, confirmation, popover, menu and
 * sheet is opened and scanned by axe-core in light and dark (support/axe.ts), several per
 * test where they share a page. The list's, the item's and the shell's are the demo
 * account's, only opened and cancelled; the settings' are a fresh account's, set up through
 * the API with something to rename, replace, edit and leave.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { registerAccount, signedInPage } from "./support/app";
import { byButton, scanOverlays, type Overlay } from "./support/axe";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./support/constants";

const cancel = (page: Page) => page.getByRole("button", { name: "Cancel" }).click();

test.describe("the demo account's overlays", () => {
  let page: Page;

  test.beforeAll(async ({ browser }, testInfo) => {
    page = await signedInPage(browser, testInfo.project.use.baseURL, DEMO_EMAIL, DEMO_PASSWORD);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  test("the list's popovers, menus and bulk delete prompt have no serious violation", async () => {
    await page.goto("/collection?category=trading_card&ordering=name");
    const selectAll = page.getByRole("checkbox", { name: "Select all items on this page" });
    await scanOverlays(page, [
      byButton("category filter", /^Category/, { name: undefined }),
      byButton("date filters", "Dates"),
      byButton("export menu", "Export", { role: "menu" }),
      byButton("theme menu", /^Colour theme/, { role: "menu" }),
      {
        name: "bulk delete prompt",
        open: async () => {
          await selectAll.click();
          await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Delete", exact: true }).click();
          return page.getByRole("dialog", { name: /^Delete \d+ items\?$/ });
        },
        close: async () => {
          await cancel(page);
          await selectAll.click();
        },
      },
    ]);
  });

  test("the item's tracker delete prompt and the unsaved-changes prompt have no serious violation", async () => {
    await page.goto("/collection?category=trading_card&ordering=name");
    await page.getByRole("link", { name: "Charizard", exact: true }).first().click();
    await expect(page).toHaveURL(/\/collection\/\d+$/);
    await scanOverlays(page, [
      {
        name: "tracker delete prompt",
        open: async () => {
          await page.getByRole("button", { name: /^More actions for tracker/ }).first().click();
          await page.getByRole("menuitem", { name: "Delete" }).click();
          return page.getByRole("alertdialog");
        },
        close: cancel,
      },
    ]);

    await page.getByRole("link", { name: "Edit" }).click();
    const name = page.getByRole("textbox", { name: "Name" });
    await name.fill(`${await name.inputValue()} (edited)`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await scanOverlays(page, [
      {
        name: "unsaved-changes prompt",
        open: (p) => Promise.resolve(p.getByRole("alertdialog", { name: "Leave without saving?" })),
        close: (p) => p.getByRole("button", { name: "Discard changes" }).click(),
      },
    ]);
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  });

  test("the phone menu sheet has no serious violation", async () => {
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto("/");
      await scanOverlays(page, [byButton("menu sheet", "Open menu", { name: undefined })]);
    } finally {
      if (viewport) await page.setViewportSize(viewport);
    }
  });
});

/** A fresh account with something in every settings list, and a collection shared with it. */
async function settingsAccount(request: APIRequestContext) {
  const account = await registerAccount(request, "a11y-settings", "Erika");
  const post = async (address: string, data: object, headers = account.headers) => {
    const response = await request.post(address, { headers, data });
    expect(response.status(), `${address}: ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: number };
  };
  await post("/api/v1/vendors/", { name: "Celadon Shop" });
  const friend = await registerAccount(request, "a11y-friend", "Sabrina");
  const friendVendors = (await (await request.get("/api/v1/vendors/", { headers: friend.headers })).json()) as { results: { id: number; name: string }[] };
  const shared = friendVendors.results[0];
  if (!shared) throw new Error("a new account has its personal collection");
  await post(`/api/v1/vendors/${String(shared.id)}/members/`, { email: account.email, role: "viewer" }, friend.headers);
  const item = await post("/api/v1/collectibles/", { name: "Tangela", category: "trading_card" });
  await post("/api/v1/alert-rules/", { kind: "price_at_or_below", collectible: item.id, target_amount: "5.00", target_currency: "USD" });
  await post("/api/v1/notification-channels/", { kind: "email", name: "My inbox" });
  await post("/api/v1/marketplace-credentials/", { provider: "discogs", token: "a11y-discogs-token-0123456789" });
  await post("/api/v1/saved-views/", { name: "Cards", query: { category: ["trading_card"] } });
  return { ...account, shared: shared.name };
}

test("the settings', alerts' and saved view's dialogs have no serious violation", async ({ browser, request }, testInfo) => {
  test.setTimeout(120_000);
  const { email, password, shared } = await settingsAccount(request);
  const page = await signedInPage(browser, testInfo.project.use.baseURL, email, password);
  const card = (name: string) => (p: Page) => p.getByRole("listitem").filter({ has: p.getByRole("heading", { name }) });
  const keyCard = (provider: string) => (p: Page) => p.getByRole("listitem", { name: provider });
  const screens: [string, string | RegExp, Overlay[]][] = [
    ["/settings/collections", "Collections", [
      byButton("new collection", "New collection", { name: "New collection" }),
      byButton("rename collection", "Rename", { name: "Rename “Celadon Shop”" }, card("Celadon Shop")),
      byButton("delete collection", "Delete", { role: "alertdialog" }, card("Celadon Shop")),
      byButton("leave collection", "Leave", { role: "alertdialog" }, card(shared)),
    ]],
    ["/settings/notifications", "Marketplace keys", [
      byButton("add marketplace key", "Add key", { name: "Add your eBay key" }, keyCard("eBay")),
      byButton("replace marketplace key", "Replace key", { name: "Replace your Discogs key" }, keyCard("Discogs")),
      byButton("remove marketplace key", "Remove", { role: "alertdialog" }, keyCard("Discogs")),
      byButton("add notification channel", "Add channel", { name: "Add a channel" }),
      byButton("edit notification channel", "Edit", { name: "Edit channel" }, (p) => p.getByRole("list", { name: "Channels" })),
    ]],
    ["/settings/security", "Sessions", [byButton("sign out everywhere", "Sign out everywhere", { role: "alertdialog" })]],
    ["/settings/account", "Delete your account", [byButton("delete account", "Delete account…", { role: "alertdialog" })]],
    ["/alerts", "Alerts", [
      byButton("new alert rule", "New rule", { name: "New alert rule" }),
      byButton("edit alert rule", /^Edit /, { name: "Edit alert rule" }),
    ]],
    ["/collection?category=trading_card", "Collection", [
      byButton("rename saved view", "Rename view", { name: "Rename the view" }),
      byButton("delete saved view", "Delete view", { role: "alertdialog" }),
    ]],
  ];
  try {
    for (const [address, title, overlays] of screens) {
      await page.goto(address);
      await expect(page.getByRole("heading", { name: title }).first()).toBeVisible();
      await scanOverlays(page, overlays);
    }
  } finally {
    await page.context().close();
  }
});
