import { screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";
import type { User } from "@/lib/api/types";
import { renderWithProviders, signIn } from "@/testing/render";

import { DeleteAccount } from "./delete-account";
import { ProfileForm } from "./profile-form";
import { RegisterForm } from "./register-form";

const ADA: User = { id: 1, email: "ada@example.com", display_name: "Ada", display_currency: "", language: "", email_verified: true, date_joined: "2026-01-01T00:00:00Z" };

describe("the account screens in German", () => {
  beforeEach(async () => {
    await changeLanguage("de");
  });
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("names the collection's currency in the hint", () => {
    renderWithProviders(<ProfileForm user={ADA} collectionCurrency="CHF" />);
    expect(screen.getByText("Ihre Sammlung wird in CHF geführt; das ändern Sie unter „Sammlungen“.")).toBeInTheDocument();
    expect(screen.getByLabelText("Anzeigename")).toHaveValue("Ada");
  });

  it("checks the form in German, even when the language changed after the schema was built", async () => {
    const { user } = renderWithProviders(<RegisterForm onSuccess={() => undefined} />);
    await user.type(screen.getByLabelText(/^Passwort\*?$/), "kurz");
    await user.click(screen.getByRole("button", { name: "Konto erstellen" }));
    expect(await screen.findByText("Geben Sie Ihre E-Mail-Adresse ein.")).toBeInTheDocument();
    expect(screen.getByText("Verwenden Sie mindestens 8 Zeichen.")).toBeInTheDocument();
  });

  it("asks for the German confirmation word", async () => {
    signIn();
    const { user } = renderWithProviders(<DeleteAccount />);
    await user.click(screen.getByRole("button", { name: "Konto löschen…" }));
    expect(await screen.findByText("Geben Sie Ihr Passwort ein und tippen Sie zur Bestätigung LÖSCHEN.")).toBeInTheDocument();
    const confirm = screen.getByRole("button", { name: "Mein Konto löschen" });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText("Passwort"), "secret");
    await user.type(screen.getByLabelText("Zur Bestätigung LÖSCHEN eingeben"), "löschen");
    expect(confirm).toBeEnabled();
  });
});
