/**
 * Forgot password: ask on the sign-in page, open the link of the mail (the e2e backend
 * writes mails to files, support/mail.ts), choose a new password, sign in with it.
 */
import { expect, test } from "@playwright/test";

import { signIn, uniqueEmail } from "./support/app";
import { linkInMail } from "./support/mail";

test("reset a password through the emailed link", async ({ page, request }) => {
  const email = uniqueEmail("forgetful");
  const oldPassword = "pallet-town-1996";
  const newPassword = "viridian-forest-1998";
  const signUp = await request.post("/api/v1/auth/register", { data: { email, password: oldPassword } });
  expect(signUp.status(), await signUp.text()).toBe(202);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();

  const link = await linkInMail(email, "/reset-password");
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);
  await page.goto(link);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("Your password was changed. Sign in with the new one.")).toBeVisible();
  const old = await request.post("/api/v1/auth/login", { data: { email, password: oldPassword } });
  expect(old.status()).toBe(401);

  // The link worked once: opening it again is refused.
  await page.goto(link);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("cerulean-city-2000");
  await page.getByLabel("Confirm new password").fill("cerulean-city-2000");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert")).toContainText("invalid, expired or already used");

  await page.goto("/login");
  await signIn(page, email, newPassword);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("verify the address through the welcome mail", async ({ page }) => {
  const email = uniqueEmail("new");
  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("pallet-town-1996");
  await page.getByLabel("Confirm password").fill("pallet-town-1996");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  const banner = page.getByRole("region", { name: "Verify your email address" });
  await expect(banner).toContainText(email);

  const link = await linkInMail(email, "/verify-email");
  await page.goto(link);
  await expect(page.getByRole("status").filter({ hasText: "is verified" })).toBeVisible();

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(banner).toBeHidden();
});
