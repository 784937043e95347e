import { cleanup, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";

import { InvitationView } from "./invitation-view";

const props = { signInUrl: "/login", signUpUrl: "/register", onSignOut: () => undefined, onJoined: () => undefined };

function serveInvitation(role: string) {
  server.use(
    http.get("/api/v1/invitations/:token", () =>
      HttpResponse.json({
        vendor_name: "Kanto Cards",
        invited_by: "Misty",
        email: "ash@example.com",
        role,
        expires_at: "2030-01-01T10:00:00Z",
        status: "pending",
        expired: false,
      }),
    ),
  );
}

describe("InvitationView in German", () => {
  beforeEach(async () => {
    await changeLanguage("de");
  });
  afterEach(async () => {
    cleanup(); // unmount first: switching back would re-render outside act()
    await changeLanguage("en", false);
  });

  it("names the collection, the inviter and the role in German", async () => {
    serveInvitation("editor");
    renderWithProviders(<InvitationView token="good" signedInEmail="ash@example.com" {...props} />);

    expect(await screen.findByRole("heading", { name: "„Kanto Cards“ beitreten" })).toBeInTheDocument();
    const invited = screen.getByText(/Misty hat/);
    expect(invited).toHaveTextContent(
      "Misty hat ash@example.com als Bearbeiter zu dieser Sammlung eingeladen: Ein Bearbeiter fügt außerdem Objekte und Tracker hinzu und bearbeitet sie.",
    );
    expect(invited.querySelector("strong")).toHaveTextContent("ash@example.com");
    expect(screen.getByRole("button", { name: "Als Bearbeiter beitreten" })).toBeInTheDocument();
  });

  it("says in German who is signed in when it is someone else", async () => {
    serveInvitation("viewer");
    renderWithProviders(<InvitationView token="good" signedInEmail="gary@example.com" {...props} />);

    expect(
      await screen.findByText("Sie sind als gary@example.com angemeldet; diese Einladung gilt für ash@example.com."),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Abmelden und ash@example.com verwenden" })).toBeInTheDocument();
  });
});
