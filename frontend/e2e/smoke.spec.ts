/** The seeded demo account signs in and sees its collection. */
import { expect, test } from "@playwright/test";

import { collectionCount, signIn } from "./support/app";
import { DEMO_EMAIL, DEMO_ITEM_COUNT, DEMO_PASSWORD } from "./support/constants";

test("the demo collector signs in and sees the demo collection", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);

  // Signing in lands on the dashboard; the collection is one click away.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Collection" }).click();
  await expect(page).toHaveURL(/\/collection$/);
  await expect(page.getByRole("heading", { name: "Collection", level: 1 })).toBeVisible();
  expect(await collectionCount(page)).toBe(DEMO_ITEM_COUNT);

  // The first page of 25 rows (plus the header row), newest first.
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(26);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination).toContainText(`1–25 of ${String(DEMO_ITEM_COUNT)}`);

  await pagination.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pagination).toContainText(`26–${String(DEMO_ITEM_COUNT)} of ${String(DEMO_ITEM_COUNT)}`);
  await expect(table.getByRole("row")).toHaveCount(DEMO_ITEM_COUNT - 25 + 1);
});
