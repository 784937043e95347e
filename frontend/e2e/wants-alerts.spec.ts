/**
 * Want list → alert → bell: a wanted item with a maximum price, a demo-marketplace
 * tracker whose price is under it and a "price at or below" rule on the maximum; a price
 * refresh records the price, the worker fires the rule in the same transaction, and the
 * bell shows the alert after a reload.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";

import { uniqueEmail } from "./support/app";
import { MARKETPLACE_URL } from "./support/constants";

/** A JSON-LD Product/Offer page of the demo marketplace (scraped by the `structured` source). */
const CHARIZARD_PAGE = `${MARKETPLACE_URL}/shop/product/charizard-4`;
/** Far above any demo price, so the observed one is under it. */
const MAX_PRICE = "99999.00";

async function registerViaApi(request: APIRequestContext): Promise<Record<string, string>> {
  const account = { email: uniqueEmail("wants"), password: `E2e-${Math.random().toString(36).slice(2)}-pass!` };
  const response = await request.post("/api/v1/auth/register", { data: { ...account, display_name: "Want watcher" } });
  expect(response.status(), await response.text()).toBe(202);
  const login = await request.post("/api/v1/auth/login", { data: account });
  expect(login.status(), await login.text()).toBe(200);
  const { access } = (await login.json()) as { access: string };
  return { Authorization: `Bearer ${access}` };
}

test("a wanted item's price under its maximum shows up in the bell", async ({ page }) => {
  test.setTimeout(120_000);
  // page.request shares the browser's cookies, so the refresh cookie signs the page in.
  const headers = await registerViaApi(page.request);

  const item = await page.request.post("/api/v1/collectibles/", {
    headers,
    data: { name: "Wanted Charizard", category: "trading_card", set_name: "Base Set", number: "4/102", condition: "played", status: "wanted", max_price: MAX_PRICE },
  });
  expect(item.status(), await item.text()).toBe(201);
  const { id, vendor } = (await item.json()) as { id: number; vendor: number };

  const rule = await page.request.post("/api/v1/alert-rules/", {
    headers,
    data: { kind: "price_at_or_below", vendor, collectible: id, target_amount: MAX_PRICE, target_currency: "USD" },
  });
  expect(rule.status(), await rule.text()).toBe(201);

  const tracker = await page.request.post(`/api/v1/collectibles/${String(id)}/trackers/`, {
    headers,
    data: { source: "structured", url: CHARIZARD_PAGE },
  });
  expect(tracker.status(), await tracker.text()).toBe(201);

  // The want list shows it with its maximum price.
  await page.goto("/wants");
  const row = page.getByRole("row", { name: /Wanted Charizard/ });
  await expect(row).toBeVisible();

  const refresh = await page.request.post(`/api/v1/collectibles/${String(id)}/refresh-prices`, { headers });
  expect(refresh.status(), await refresh.text()).toBe(202);

  // The worker records the price and fires the rule; the bell polls, a reload is quicker.
  await expect
    .poll(
      async () => {
        const response = await page.request.get("/api/v1/notifications/unread-count/", { headers });
        return ((await response.json()) as { unread_count: number }).unread_count;
      },
      { timeout: 90_000, intervals: [500, 1000, 2000] },
    )
    .toBeGreaterThanOrEqual(1);

  await page.reload();
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const inbox = page.getByRole("list", { name: "Notifications" });
  await expect(inbox.getByRole("listitem")).not.toHaveCount(0);
  await expect(inbox).toContainText(/Charizard/);

  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();

  // The want list's row now shows that price as the best offer, from the list itself:
  // no request per row.
  const perRow: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/") && request.url().includes("/best-offers")) perRow.push(request.url());
  });
  await page.goto("/wants");
  const offer = page.getByRole("row", { name: /Wanted Charizard/ }).getByRole("cell").nth(4);
  await expect(offer).toContainText("Under your max");
  await expect(offer).not.toContainText("No offer yet");
  expect(perRow).toEqual([]);
});
