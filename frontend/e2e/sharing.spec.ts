/**
 * Sharing (issue 16): an owner makes a collection public in Settings → Collections; a
 * stranger (a fresh browser context: no session, no cookies) opens the public profile
 * page and the share link, sees the items, and no value since prices are not shared.
 */
import { expect, test } from "@playwright/test";

import { apiToken, signIn, uniqueEmail } from "./support/app";

const password = `E2e-${Math.random().toString(36).slice(2)}-pass!`;

test("publish a collection and read it signed out, without prices", async ({ browser, page, request }, testInfo) => {
  const email = uniqueEmail("sharer");
  const registered = await request.post("/api/v1/auth/register", { data: { email, password, display_name: "Brock" } });
  expect(registered.status(), await registered.text()).toBe(202);
  const headers = { Authorization: `Bearer ${await apiToken(request, email, password)}` };
  const item = await request.post("/api/v1/collectibles/", {
    headers,
    data: { name: "Onix", category: "trading_card", set_name: "Base Set", number: "56/102", purchase_price: "12.00", purchase_currency: "USD" },
  });
  expect(item.status(), await item.text()).toBe(201);
  const vendors = (await (await request.get("/api/v1/vendors/", { headers })).json()) as { results: { name: string; slug: string }[] };
  const personal = vendors.results[0];
  if (!personal) throw new Error("a new account has its personal collection");
  const { name, slug } = personal;

  await page.goto("/login?next=%2Fsettings%2Fcollections");
  await signIn(page, email, password);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await card.getByRole("button", { name: "Members & invitations" }).click();
  await card.getByRole("group", { name: "Collection" }).getByRole("radio", { name: /Public/ }).check();
  await expect(page.getByText("Sharing saved.")).toBeVisible();
  const linkField = card.getByRole("textbox", { name: "Share link" });
  await expect(linkField).toHaveValue(/\/share\/[\w-]{40,}$/);
  await expect(card.getByRole("textbox", { name: "Public profile" })).toHaveValue(new RegExp(`/p/${slug}$`));
  const link = new URL(await linkField.inputValue());

  const stranger = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const tab = await stranger.newPage();
    for (const address of [`/p/${slug}`, link.pathname]) {
      await tab.goto(address);
      await expect(tab.getByRole("heading", { name, level: 1 })).toBeVisible();
      await expect(tab.getByText("Onix")).toBeVisible();
      await expect(tab.getByText(/\$|USD|12\.00/)).toHaveCount(0); // prices are not shared
      await expect(tab.getByRole("heading", { name: /Want list/ })).toHaveCount(0); // still private
      await expect(tab.getByRole("link", { name: /Sign in/i })).toHaveCount(0); // no app chrome
    }
  } finally {
    await stranger.close();
  }
});
