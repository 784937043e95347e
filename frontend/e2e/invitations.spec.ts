/**
 * Sharing a collection: an owner invites an address that has no account yet; that person
 * opens the link signed out, creates an account from it, comes back to the invitation and
 * joins as a viewer. The link is read from the owner's screen ("copy link"), as an owner
 * would pass it on, and the mail the backend wrote (support/mail.ts) carries the same one.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { signIn, uniqueEmail } from "./support/app";
import { E2E_MAIL_DIR } from "./support/mail";

/** Whether a mail to `to` that the e2e backend wrote contains `text`. */
function mailed(to: string, text: string): boolean {
  let names: string[] = [];
  try {
    names = readdirSync(E2E_MAIL_DIR);
  } catch {
    return false; // nothing sent yet
  }
  return names.some((name) => {
    const mail = readFileSync(path.join(E2E_MAIL_DIR, name), "utf8");
    return mail.includes(`To: ${to}`) && mail.includes(text);
  });
}

const password = `E2e-${Math.random().toString(36).slice(2)}-pass!`;

test("invite a person without an account, who then joins as viewer", async ({ browser, request }) => {
  const ownerEmail = uniqueEmail("owner");
  const guestEmail = uniqueEmail("guest");
  const shopName = `Kanto Cards ${Date.now().toString(36)}`;
  const registered = await request.post("/api/v1/auth/register", {
    data: { email: ownerEmail, password, display_name: "Misty" },
  });
  expect(registered.status(), await registered.text()).toBe(202);

  // The owner: a new collection, then an invitation to it.
  const owner = await browser.newPage();
  await owner.goto("/login?next=%2Fsettings%2Fcollections");
  await signIn(owner, ownerEmail, password);
  await expect(owner.getByRole("heading", { name: "Collections", exact: true })).toBeVisible();
  await owner.getByRole("button", { name: "New collection" }).click();
  const createDialog = owner.getByRole("dialog", { name: "New collection" });
  await createDialog.getByLabel("Name").fill(shopName);
  await createDialog.getByRole("button", { name: "Create" }).click();
  await expect(owner.getByText(`“${shopName}” created.`)).toBeVisible();

  const card = owner.getByRole("listitem").filter({ has: owner.getByRole("heading", { name: shopName }) });
  await card.getByRole("button", { name: "Members & invitations" }).click();
  const inviteForm = card.getByRole("form", { name: "Invite someone" });
  await inviteForm.getByLabel("Email").fill(guestEmail);
  await inviteForm.getByLabel("Role").selectOption("viewer");
  await inviteForm.getByRole("button", { name: "Invite" }).click();
  const linkField = card.getByLabel("Invitation link");
  await expect(linkField).toHaveValue(/\/invitations\/[\w-]+$/);
  const link = await linkField.inputValue();
  await expect(card.getByRole("list", { name: "Open invitations" })).toContainText(guestEmail);
  await expect.poll(() => mailed(guestEmail, link), { timeout: 15_000 }).toBe(true);

  // The guest, signed out in a browser of their own.
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByRole("heading", { name: `Join “${shopName}”` })).toBeVisible();
  await expect(guest.getByText(/Misty invited/)).toContainText(guestEmail);
  await guest.getByRole("link", { name: "Create an account to join" }).click();
  await expect(guest).toHaveURL(/\/register\?next=/);
  await guest.getByLabel("Email").fill(guestEmail);
  await guest.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await guest.getByLabel("Confirm password").fill(password);
  await guest.getByRole("button", { name: "Create account" }).click();

  // Back on the invitation, now signed in as the invited address.
  await expect(guest).toHaveURL(/\/invitations\//);
  await guest.getByRole("button", { name: "Join as viewer" }).click();
  await expect(guest).toHaveURL(/\/collection\?vendor=\d+/);
  await expect(guest.getByText(`You joined “${shopName}”.`)).toBeVisible();
  // The shell's switcher knows the new collection, marked view-only.
  await expect(guest.getByRole("option", { name: `${shopName} (view only)` }).first()).toBeAttached();

  // The owner sees the new member with their role; the invitation is used up.
  await owner.reload();
  const ownerCard = owner.getByRole("listitem").filter({ has: owner.getByRole("heading", { name: shopName }) });
  await ownerCard.getByRole("button", { name: "Members & invitations" }).click();
  await expect(ownerCard.getByRole("combobox", { name: `Role of ${guestEmail}` })).toHaveValue("viewer");
  await expect(ownerCard.getByText("No open invitations.")).toBeVisible();

  // The link cannot be used twice.
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByText("This invitation has already been used.")).toBeVisible();

  await guestContext.close();
  await owner.close();
});
