/**
 * A collection in and out (issue 11): a CSV imported through the SPA with one mapping
 * fixed by hand, committed with progress, the new items tagged in bulk, the list exported,
 * a photo uploaded, and two items deleted in bulk (taken back once: the delete is sent only
 * after the undo window). Serial, one page, a fresh account per run.
 */
import { readFile } from "node:fs/promises";

import { expect, test, type Page, type Request } from "@playwright/test";

import { uniqueEmail } from "./support/app";

test.describe.configure({ mode: "serial" });

const email = uniqueEmail("importer");
const password = `E2e-${Math.random().toString(36).slice(2)}-pass!`;

// "Item label" is no header the importer knows: the collector maps it to the name.
const CSV = ["Item label,Set,Number,Condition,Quantity,Price paid,Date", "Pikachu,Base Set,58,NM,2,12.50,2024-03-05", "Charizard,Base Set,4,Near Mint,1,250,2024-03-06", "Mewtwo,Base Set,10,LP,1,\"1,250.50\",2024-03-07"].join("\n");
const NAMES = ["Pikachu", "Charizard", "Mewtwo"];

// A 2×2 PNG: enough for the server to decode, strip and thumbnail.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64",
);

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page.close();
});

test("a new collector registers", async () => {
  await page.goto("/register");
  await page.getByLabel("Display name").fill("E2E Importer");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
});

test("they import a CSV, fixing the one column the importer did not recognise", async () => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import", level: 1 })).toBeVisible();
  await page.getByLabel("File to import").setInputFiles({ name: "cards.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });

  await expect(page.getByText("Columns of cards.csv")).toBeVisible();
  // Without a name no row can be imported: the rows are listed with their problem.
  await expect(page.getByRole("region", { name: "Rows with errors" })).toBeVisible();
  await page.getByRole("combobox", { name: "Item label" }).selectOption("name");
  // The sheet has no category column: every row gets one.
  await page.getByRole("combobox", { name: "Category for rows without one" }).selectOption("trading_card");

  const preview = page.getByRole("table", { name: "Preview" });
  for (const name of NAMES) await expect(preview.getByText(name, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Import 3 rows" }).click();

  // Progress while the worker writes the rows, then the outcome.
  await expect(page.getByRole("progressbar", { name: "Import progress" }).or(page.getByText("Import complete"))).toBeVisible();
  await expect(page.getByText("Import complete")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-created")).toContainText("3");
});

test("they see the items and tag them all in one go", async () => {
  await page.getByRole("link", { name: "See the items" }).click();
  await expect(page.getByText(/^3 items$/)).toBeVisible();
  for (const name of NAMES) await expect(page.getByRole("link", { name, exact: true })).toBeVisible();

  await page.getByRole("checkbox", { name: "Select all items on this page" }).click();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar.getByText("3 items selected")).toBeVisible();
  await bar.getByRole("button", { name: "Add tags" }).click();
  const dialog = page.getByRole("dialog", { name: "Add tags to 3 items" });
  await dialog.getByLabel("Tags").fill("imported");
  await dialog.getByRole("button", { name: "Add tags" }).click();

  await expect(page.getByText("Tagged 3 items.")).toBeVisible();
  await expect(page.getByRole("table").getByText("imported")).toHaveCount(3);
});

test("they export the list as CSV", async () => {
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  await page.getByRole("menuitem", { name: "CSV (spreadsheets)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const path = await download.path();
  const text = await readFile(path, "utf8");
  for (const name of NAMES) expect(text).toContain(name);
  expect(text).toContain("imported");
});

test("they upload a photo, which becomes the item's cover", async () => {
  await page.getByRole("link", { name: "Pikachu", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Pikachu", level: 1 })).toBeVisible();
  await expect(page.getByText("No photos yet")).toBeVisible();
  await page.getByLabel("Choose photos to upload").setInputFiles({ name: "pikachu.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByRole("img", { name: "Photo 1 (cover)" })).toBeVisible({ timeout: 20_000 });
});

test("they delete two items in bulk, take it back, then let it go", async () => {
  const isBulkPost = (request: Request) => request.method() === "POST" && request.url().endsWith("/api/v1/collectibles/bulk");
  const bulkPosts: Request[] = [];
  page.on("request", (request) => {
    if (isBulkPost(request)) bulkPosts.push(request);
  });
  // A price of Charizard's own: the delete is refused (409) unless it confirms the history goes.
  await page.goto("/collection");
  await page.getByRole("link", { name: "Charizard", exact: true }).click();
  await page.getByRole("button", { name: "Add a price" }).click();
  await page.getByLabel("Price", { exact: true }).fill("300");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Price added.")).toBeVisible();

  await page.goto("/collection");
  await expect(page.getByText(/^3 items$/)).toBeVisible();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  const deleteTwo = async () => {
    await page.getByRole("checkbox", { name: "Select Charizard" }).click();
    await page.getByRole("checkbox", { name: "Select Mewtwo" }).click();
    await bar.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete 2 items?" });
    await expect(dialog.getByText(/price history/)).toBeVisible();
    await dialog.getByRole("button", { name: "Delete 2 items" }).click();
    await expect(page.getByText("2 items deleted.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Charizard", exact: true })).toBeHidden();
  };

  await deleteTwo();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Restored.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Charizard", exact: true })).toBeVisible();

  // Left alone, the delete goes when the undo window has passed, with the history confirmed.
  const sent = page.waitForRequest(isBulkPost, { timeout: 15_000 });
  await deleteTwo();
  const request = await sent;
  // Not 409: the dialog's confirmation went with it (the body is a stream Playwright cannot read).
  expect((await request.response())?.status()).toBe(200);
  // The one taken back was never sent.
  expect(bulkPosts).toHaveLength(1);
  await page.reload();
  await expect(page.getByText(/^1 item$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Pikachu", exact: true })).toBeVisible();
});
