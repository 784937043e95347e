/**
 * One collector's journey through the dashboard, in order, on one page (serial: each
 * step builds on the previous one). A fresh account per run: the e2e database persists.
 */
import { expect, test, type Page } from "@playwright/test";

import { collectionCount, signIn, uniqueEmail } from "./support/app";

test.describe.configure({ mode: "serial" });

const email = uniqueEmail();
const password = `E2e-${Math.random().toString(36).slice(2)}-pass!`;
const itemName = "Charizard";
const editedName = "Charizard (1st Edition)";

let page: Page;
let itemPath = "";

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page.close();
});

function categoriesInUrl(): string[] {
  return new URL(page.url()).searchParams.getAll("category");
}

async function pickCategory(label: string, checked: boolean) {
  await page.getByRole("button", { name: /^Category/ }).click();
  const option = page.getByRole("checkbox", { name: label });
  // The checkbox reflects the URL, which changes a moment after the click: no .check().
  await option.click();
  await expect(option).toBeChecked({ checked });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("checkbox", { name: label })).toBeHidden();
}

test("a new collector registers and lands on an empty dashboard", async () => {
  await page.goto("/register");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();

  await page.getByLabel("Display name").fill("E2E Collector");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nothing to value yet" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Account menu for E2E Collector/ })).toBeVisible();
});

test("they add a trading card with its card details", async () => {
  await page.getByRole("link", { name: "Add your first item" }).click();
  await expect(page.getByRole("heading", { name: "Add an item" })).toBeVisible();
  const form = page.getByRole("form", { name: "New item" });

  await form.getByRole("textbox", { name: "Name", exact: true }).fill(itemName);
  await form.getByLabel("Category").selectOption("trading_card");
  await form.getByLabel("Condition").selectOption("near_mint");
  await form.getByLabel("Set / series").fill("Base Set");
  await form.getByLabel("Number").fill("4/102");
  await form.getByLabel("Quantity").fill("1");
  // Card details show for trading cards only.
  await expect(form.getByRole("heading", { name: "Card details" })).toBeVisible();
  await form.getByLabel("Game").fill("Pokémon");
  await form.getByLabel("Language").selectOption("en");
  await form.getByLabel("Finish").selectOption("holo");
  await form.getByLabel("Release date").fill("1999-01-09");
  await form.getByLabel("Price paid").fill("350.00");
  await form.getByLabel("Currency").fill("EUR");

  const created = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/collectibles/",
  );
  await form.getByRole("button", { name: "Add item" }).click();
  expect((await created).status()).toBe(201);

  await expect(page).toHaveURL(/\/collection\/\d+$/);
  itemPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: itemName, level: 1 })).toBeVisible();
  const details = page.locator("dl").filter({ hasText: "Release date" });
  await expect(details).toContainText("Pokémon");
  await expect(details).toContainText("English");
  await expect(details).toContainText("Holo");
  await expect(page.getByText("#4/102")).toBeVisible();
});

test("the new item appears in the collection list", async () => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Collection" }).click();
  await expect(page).toHaveURL(/\/collection$/);
  expect(await collectionCount(page)).toBe(1);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: itemName }) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Trading card");
  await expect(row).toContainText("Base Set · #4/102");
});

test("they edit the item and see the change", async () => {
  await page.getByRole("link", { name: itemName, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${itemPath}$`));
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: `Edit “${itemName}”` })).toBeVisible();

  const form = page.getByRole("form", { name: "Edit item" });
  await expect(form.getByLabel("Set / series")).toHaveValue("Base Set");
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(editedName);
  await form.getByLabel("Quantity").fill("3");
  await form.getByRole("button", { name: "Save changes" }).click();

  await expect(page).toHaveURL(new RegExp(`${itemPath}$`));
  await expect(page.getByRole("heading", { name: editedName, level: 1 })).toBeVisible();
  const facts = page.locator("dl").filter({ hasText: "Quantity" });
  await expect(facts).toContainText("3");
  // 3 × €350.00
  await expect(page.locator("dl").filter({ hasText: "Total paid" })).toContainText("1,050.00");

  await page.getByRole("link", { name: "Collection", exact: true }).first().click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: editedName }) });
  // Cells: selection checkbox, name, category, condition, quantity.
  await expect(row.getByRole("cell").nth(4)).toHaveText("3");
});

test("filters narrow the list, live in the URL, and back/forward restore them", async () => {
  await expect(page).toHaveURL(/\/collection$/);
  expect(await collectionCount(page)).toBe(1);

  await pickCategory("Video game", true);
  expect(categoriesInUrl()).toEqual(["video_game"]);
  await expect(page.getByRole("heading", { name: "No items match these filters" })).toBeVisible();
  await expect(page.getByRole("link", { name: editedName })).toBeHidden();

  await page.getByRole("button", { name: "Clear filters" }).click();
  expect(categoriesInUrl()).toEqual([]);
  await expect(page.getByRole("link", { name: editedName })).toBeVisible();

  await pickCategory("Trading card", true);
  expect(categoriesInUrl()).toEqual(["trading_card"]);
  await expect(page.getByText("1 item match your filters")).toBeVisible();
  await expect(page.getByRole("link", { name: editedName })).toBeVisible();
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Trading card");

  // Back twice: the unfiltered list, then the video-game filter with its empty state.
  await page.goBack();
  await expect(page).toHaveURL(/\/collection$/);
  await expect(page.getByRole("link", { name: editedName })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\?category=video_game$/);
  await expect(page.getByRole("heading", { name: "No items match these filters" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Category (1 selected)" })).toBeVisible();

  // A shared link restores the view on a fresh load, too.
  await page.goto("/collection?category=trading_card");
  await expect(page.getByText("1 item match your filters")).toBeVisible();
  await expect(page.getByRole("link", { name: editedName })).toBeVisible();
});

test("they log out, and protected pages send them to the login", async () => {
  await page.getByRole("button", { name: /^Account menu for/ }).click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // No session survives a reload: the refresh cookie was revoked.
  await page.goto(itemPath);
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(itemPath)}`);
  await page.goto("/collection");
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent("/collection")}`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("signing in again returns to the page they asked for", async () => {
  await page.goto(itemPath);
  await expect(page).toHaveURL(/\/login\?next=/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(new RegExp(`${itemPath}$`));
  await expect(page.getByRole("heading", { name: editedName, level: 1 })).toBeVisible();
});
