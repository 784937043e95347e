/**
 * The language choice: the demo collector picks Deutsch under Settings → Profile; the
 * navigation, headings and <html lang> follow at once, money is written the German way
 * (1.234,50 €), and the choice outlives a reload on this device. Back to English at the
 * end (the choice lives in this browser context's storage, not on the server).
 */
import { expect, test } from "@playwright/test";

import { signIn } from "./support/app";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./support/constants";

/** An amount as German writes it: "." groups thousands, "," starts the cents. */
const GERMAN_MONEY = /^[^\d]*\d{1,3}(?:\.\d{3})*,\d{2}(?!\d)/;

test("switch the app to German and back", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  const language = page.getByRole("combobox", { name: "Language" });
  await expect(language).toHaveValue("en");
  await language.selectOption({ label: "Deutsch" });

  // Said in the new language, and the page around it is German too.
  await expect(page.getByRole("region", { name: "Benachrichtigungen" })).toContainText("Omni-Stock ist jetzt auf Deutsch, ebenso Ihre E-Mails");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { name: "Einstellungen", level: 1 })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Sprache" })).toHaveValue("de");
  await expect(page.getByRole("button", { name: "Profil speichern" })).toBeVisible();
  const settingsNav = page.getByRole("navigation", { name: "Einstellungen" });
  await expect(settingsNav.getByRole("link", { name: "Sicherheit" })).toBeVisible();
  await expect(page).toHaveTitle("Profil · Einstellungen · Omni-Stock");

  const nav = page.getByRole("navigation", { name: "Hauptmenü" });
  for (const name of ["Übersicht", "Sammlung", "Objekt hinzufügen", "Wunschliste", "Einstellungen"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }

  // The dashboard's money in the German format.
  await nav.getByRole("link", { name: "Übersicht", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Übersicht", level: 1 })).toBeVisible();
  const total = page.getByTestId("total-value").locator("dd").first();
  await expect(total).toHaveText(GERMAN_MONEY);

  // A reload keeps the choice (this device remembers it).
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Übersicht", exact: true })).toBeVisible();
  await expect(page.getByTestId("total-value").locator("dd").first()).toHaveText(GERMAN_MONEY);

  // A screen whose texts come with its route (loaded after the switch) is German too.
  await page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Sammlung", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sammlung", level: 1 })).toBeVisible();
  await expect(page.getByText(/^[\d.]+ Objekte$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Ansicht speichern" })).toBeVisible();

  // And back to English.
  await page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Einstellungen", exact: true }).click();
  await page.getByRole("combobox", { name: "Sprache" }).selectOption({ label: "English" });
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
