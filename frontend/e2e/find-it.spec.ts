/**
 * "Find it": in the add-tracker dialog, search a marketplace's catalogue by the item's
 * name (a worker searches the e2e demo marketplace's PriceCharting-like search page),
 * pick a match, and the tracker is saved on that page with that source.
 */
import { expect, test } from "@playwright/test";

import { uniqueEmail } from "./support/app";

test("Find it searches the catalogue by the item's name and fills the tracker's page", async ({ page }) => {
  test.setTimeout(90_000);
  const account = { email: uniqueEmail("findit"), password: `E2e-${Math.random().toString(36).slice(2)}-pass!` };
  const registered = await page.request.post("/api/v1/auth/register", { data: { ...account, display_name: "Finder" } });
  expect(registered.status(), await registered.text()).toBe(202);
  const login = await page.request.post("/api/v1/auth/login", { data: account });
  expect(login.status(), await login.text()).toBe(200);
  const { access } = (await login.json()) as { access: string };
  const item = await page.request.post("/api/v1/collectibles/", {
    headers: { Authorization: `Bearer ${access}` },
    data: { name: "Chrono Trigger", category: "video_game" },
  });
  expect(item.status(), await item.text()).toBe(201);
  const { id } = (await item.json()) as { id: number };

  await page.goto(`/collection/${String(id)}`);
  await expect(page.getByRole("heading", { name: "Chrono Trigger", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Add tracker" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add a tracker" });
  const form = dialog.getByRole("form", { name: "New tracker" });

  await form.getByRole("button", { name: "Find it" }).click();
  const finder = form.getByRole("region", { name: "Find it" });
  await expect(finder.getByRole("textbox", { name: "Name and number" })).toHaveValue(/Chrono Trigger/);
  await finder.getByRole("combobox", { name: "Search on" }).selectOption("pricecharting");
  await finder.getByRole("button", { name: "Search" }).click();

  const matches = finder.getByRole("list", { name: "Matches on PriceCharting" });
  await expect(matches).toBeVisible({ timeout: 30_000 });
  await matches.getByRole("button", { name: /^Chrono Trigger/ }).first().click();

  await expect(finder).toBeHidden();
  await expect(form.getByRole("textbox", { name: "Page address" })).toHaveValue(/\/game\/[a-z-]+\/chrono-trigger$/);
  await expect(form.getByRole("combobox", { name: "Source" })).toHaveValue("pricecharting");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("list", { name: "Trackers" }).getByRole("link", { name: /\/game\/[a-z-]+\/chrono-trigger/ })).toBeVisible();
});
