import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { Toaster } from "@/components/ui/toast";
import { changeLanguage } from "@/i18n";
import { renderWithProviders, signIn } from "@/testing/render";

import { Component as SettingsLayout } from "./settings-layout";
import { Component as SettingsProfile } from "./settings-profile";

function renderProfile() {
  signIn();
  return renderWithProviders(
    <>
      <SettingsLayout />
      <SettingsProfile />
      <Toaster />
    </>,
    { route: "/settings" },
  );
}

describe("the language choice in Settings → Profile", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("lists each language in its own words, the current one chosen", async () => {
    renderProfile();
    const select = await screen.findByRole("combobox", { name: "Language" });
    expect(select).toHaveValue("en");
    expect(screen.getByRole("option", { name: "English" })).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "Deutsch" })).toBeInTheDocument();
    expect(select).toHaveAccessibleDescription(/The language of the app on this device/);
  });

  it("switches the page to German, sets <html lang> and says so in German", async () => {
    const { user } = renderProfile();
    expect(await screen.findByRole("button", { name: "Save profile" })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "de");

    // Signed in: said once the account (mails, pushes) has the language too.
    expect(await screen.findByText(/^Omni-Stock ist jetzt auf Deutsch, ebenso Ihre E-Mails/)).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("de");
    expect(window.localStorage.getItem("omni.language")).toBe("de");
    expect(screen.getByRole("heading", { name: "Einstellungen", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("navigation", { name: "Einstellungen" })).toHaveTextContent("Sicherheit");
    expect(screen.getByRole("button", { name: "Profil speichern" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Sprache" })).toHaveValue("de");
    expect(screen.queryByRole("button", { name: "Save profile" })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole("combobox", { name: "Sprache" }), "en");
    expect(await screen.findByText(/^Omni-Stock is now in English, and so are your emails/)).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByRole("button", { name: "Save profile" })).toBeInTheDocument();
  });
});
