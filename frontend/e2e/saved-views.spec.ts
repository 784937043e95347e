/**
 * Saved views: the demo collector filters the list by a category and a sort, saves it as
 * a named view, finds it in the navigation with the list's count, and opening it from
 * another page brings back the same filtered list. The view is deleted at the end, so
 * reruns on the same data start clean.
 */
import { expect, test } from "@playwright/test";

import { collectionCount, signIn } from "./support/app";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./support/constants";

test("save a view", async ({ page }) => {
  const name = `Trading cards by value ${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/login");
  await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Collection" }).click();
  await expect(page.getByRole("heading", { name: "Collection", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: /^Category/ }).click();
  await page.getByRole("checkbox", { name: "Trading card" }).click();
  await expect(page).toHaveURL(/category=trading_card/);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Category (1 selected)" })).toBeVisible();
  await page.getByRole("combobox", { name: "Sort" }).selectOption("-value");
  await expect(page).toHaveURL(/category=trading_card.*ordering=-value|ordering=-value.*category=trading_card/);
  const count = await collectionCount(page);
  expect(count).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save this view" });
  await expect(dialog.getByRole("list", { name: "It saves:" })).toContainText("Trading card");
  await expect(dialog.getByRole("list", { name: "It saves:" })).toContainText("Sorted: Value: high to low");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("current-view")).toHaveText(name);

  // In the navigation with the list's count.
  const link = nav.getByRole("link", { name: new RegExp(name) });
  await expect(link.getByTestId("saved-view-summary")).toContainText(`${String(count)} item${count === 1 ? "" : "s"}`);

  // From another page, the view brings back the same filtered, sorted list.
  await nav.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/collection\?/);
  await expect(page.getByRole("button", { name: "Category (1 selected)" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Sort" })).toHaveValue("-value");
  expect(await collectionCount(page)).toBe(count);
  await expect(page.getByTestId("current-view")).toHaveText(name);

  const deleteView = async () => {
    await page.getByRole("button", { name: "Delete view" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("button", { name: "Save view" })).toBeVisible();
    await expect(link).toBeHidden();
  };
  // Undo brings it back; a delete left alone is sent when its toast goes, and stays done.
  await deleteView();
  await page.getByRole("region", { name: "Notifications" }).getByRole("button", { name: "Undo" }).click();
  await expect(link).toBeVisible();
  await expect(page.getByTestId("current-view")).toHaveText(name);
  await deleteView();
  await expect(page.getByRole("button", { name: "Undo" })).toBeHidden({ timeout: 15_000 });
  await page.reload();
  await expect(page.getByRole("button", { name: "Save view" })).toBeVisible();
  await expect(link).toBeHidden();
});
