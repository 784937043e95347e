import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";

import { makeVendor } from "@/testing/handlers";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";

import { InvitationView } from "./invitation-view";

const API = "/api/v1";

function serveInvitation(overrides: Record<string, unknown> = {}) {
  const accepted: string[] = [];
  server.use(
    http.get(`${API}/invitations/:token`, ({ params }) =>
      params.token === "good"
        ? HttpResponse.json({
            vendor_name: "Kanto Cards",
            invited_by: "Misty",
            email: "ash@example.com",
            role: "viewer",
            expires_at: "2030-01-01T10:00:00Z",
            status: "pending",
            expired: false,
            ...overrides,
          })
        : HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 }),
    ),
    http.post(`${API}/invitations/:token/accept`, ({ params }) => {
      accepted.push(String(params.token));
      return HttpResponse.json(makeVendor({ id: 7, name: "Kanto Cards", role: "viewer", is_personal: false }));
    }),
  );
  return accepted;
}

const props = { signInUrl: "/login?next=%2Finvitations%2Fgood", signUpUrl: "/register?next=%2Finvitations%2Fgood", onSignOut: () => undefined };

describe("InvitationView", () => {
  it("signed out: offers to create an account or sign in, both coming back", async () => {
    serveInvitation();
    renderWithProviders(<InvitationView token="good" signedInEmail={null} onJoined={() => undefined} {...props} />);

    expect(await screen.findByRole("heading", { name: "Join “Kanto Cards”" })).toBeInTheDocument();
    expect(screen.getByText(/Misty invited/)).toHaveTextContent("ash@example.com");
    expect(screen.getByRole("link", { name: "Create an account to join" })).toHaveAttribute("href", props.signUpUrl);
    expect(screen.getByRole("link", { name: "Sign in to join" })).toHaveAttribute("href", props.signInUrl);
    expect(screen.queryByRole("button", { name: /Join as/ })).not.toBeInTheDocument();
  });

  it("signed in as the invited address: joins once and hands over the collection", async () => {
    const accepted = serveInvitation();
    const onJoined = vi.fn();
    const { user } = renderWithProviders(<InvitationView token="good" signedInEmail="Ash@example.com" onJoined={onJoined} {...props} />);

    await user.click(await screen.findByRole("button", { name: "Join as viewer" }));

    await vi.waitFor(() => expect(onJoined).toHaveBeenCalledWith(expect.objectContaining({ id: 7, role: "viewer" })));
    expect(accepted).toEqual(["good"]);
  });

  it("signed in as someone else: says so and offers to switch", async () => {
    serveInvitation();
    const onSignOut = vi.fn();
    const { user } = renderWithProviders(
      <InvitationView token="good" signedInEmail="gary@example.com" onJoined={() => undefined} {...props} onSignOut={onSignOut} />,
    );

    expect(await screen.findByText(/signed in as gary@example.com; this invitation is for ash@example.com/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Sign out and use ash@example.com" }));
    expect(onSignOut).toHaveBeenCalled();
  });

  it("an expired invitation explains itself and offers nothing", async () => {
    serveInvitation({ status: "expired", expired: true });
    renderWithProviders(<InvitationView token="good" signedInEmail={null} onJoined={() => undefined} {...props} />);

    expect(await screen.findByText(/has expired/)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /to join/ })).not.toBeInTheDocument();
  });

  it("an unknown token says the link does not work", async () => {
    serveInvitation();
    renderWithProviders(<InvitationView token="bad" signedInEmail={null} onJoined={() => undefined} {...props} />);

    expect(await screen.findByRole("heading", { name: "This invitation link does not work" })).toBeInTheDocument();
  });
});
