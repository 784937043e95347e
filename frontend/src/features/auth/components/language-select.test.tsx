import { cleanup, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";

import { Toaster } from "@/components/ui/toast";
import { changeLanguage } from "@/i18n";
import type { User } from "@/lib/api/types";
import { API, db } from "@/testing/handlers";
import { createTestQueryClient, renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { LanguageSelect } from "./language-select";

const ADA: User = { id: 1, email: "ada@example.com", display_name: "Ada", display_currency: "", language: "", email_verified: true, date_joined: "2026-01-01T00:00:00Z" };

function signedIn(user: User = ADA) {
  signIn();
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(["auth", "me"], user);
  return queryClient;
}

describe("LanguageSelect", () => {
  afterEach(async () => {
    cleanup();
    await changeLanguage("en", false);
  });

  it("switches the app and saves the choice as the account's language", async () => {
    const queryClient = signedIn();
    const { user } = renderWithProviders(
      <>
        <LanguageSelect />
        <Toaster />
      </>,
      { queryClient },
    );
    expect(screen.getByText(/Your emails, push messages and notifications are written in it too\./)).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Language"), "de");

    // One toast, once the account has the language too.
    expect(await screen.findByText("Omni-Stock ist jetzt auf Deutsch, ebenso Ihre E-Mails, Push-Nachrichten und Benachrichtigungen.")).toBeInTheDocument();
    expect(screen.queryByText("Omni-Stock ist jetzt auf Deutsch.")).not.toBeInTheDocument();
    expect(db.users[0]?.language).toBe("de");
    expect(queryClient.getQueryData<User>(["auth", "me"])?.language).toBe("de");
    expect(document.documentElement.lang).toBe("de");
  });

  it("says, in the new language, when the account's language could not be saved", async () => {
    const queryClient = signedIn();
    server.use(http.patch(`${API}/auth/me`, () => HttpResponse.json({ detail: "Some fields are not valid.", code: "invalid", fields: { language: ["Nope."] } }, { status: 400 })));
    const { user } = renderWithProviders(
      <>
        <LanguageSelect />
        <Toaster />
      </>,
      { queryClient },
    );

    await user.selectOptions(screen.getByLabelText("Language"), "de");

    expect(await screen.findByText(/Die Sprache gilt auf diesem Gerät, konnte aber nicht für Ihre E-Mails gespeichert werden/)).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("de");

    // The select already shows the new language: the toast's button tries the save again.
    server.resetHandlers();
    await user.click(screen.getByRole("button", { name: "Erneut versuchen" }));
    expect(await screen.findByText(/ebenso Ihre E-Mails/)).toBeInTheDocument();
    expect(db.users[0]?.language).toBe("de");
  });

  it("sends nothing when the account already has the language", async () => {
    const queryClient = signedIn({ ...ADA, language: "de" });
    let patches = 0;
    server.use(
      http.patch(`${API}/auth/me`, () => {
        patches += 1;
        return HttpResponse.json(ADA);
      }),
    );
    const { user } = renderWithProviders(
      <>
        <LanguageSelect />
        <Toaster />
      </>,
      { queryClient },
    );

    await user.selectOptions(screen.getByLabelText("Language"), "de");

    expect(await screen.findByText("Omni-Stock ist jetzt auf Deutsch.")).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("de");
    expect(patches).toBe(0);
  });
});
