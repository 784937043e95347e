import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";

import { Toaster } from "@/components/ui/toast";
import { API, db } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { VerifyEmailBanner } from "./verify-email-banner";

/** The test server's user is read-only in its type (as the API's): replace it. */
function setVerified(email_verified: boolean) {
  db.users = db.users.map((u) => (u.id === 1 ? { ...u, email_verified } : u));
}

function renderBanner() {
  signIn();
  return renderWithProviders(
    <>
      <VerifyEmailBanner />
      <Toaster />
    </>,
  );
}

describe("VerifyEmailBanner", () => {
  beforeEach(() => {
    sessionStorage.clear();
    setVerified(false);
  });

  it("asks to verify, and resends the link", async () => {
    let resent = 0;
    server.use(
      http.post(`${API}/auth/verify-email/resend`, () => {
        resent += 1;
        return HttpResponse.json({ detail: "We sent a new verification link to ada@example.com." }, { status: 202 });
      }),
    );
    const { user } = renderBanner();
    const banner = await screen.findByRole("region", { name: "Verify your email address" });
    expect(banner).toHaveTextContent("ada@example.com");

    await user.click(screen.getByRole("button", { name: "Resend link" }));
    expect(await screen.findByText("We sent a new verification link to ada@example.com.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Link sent" })).toBeDisabled();
    expect(resent).toBe(1);
  });

  it("stays dismissed for the session", async () => {
    const { user, unmount } = renderBanner();
    const banner = await screen.findByRole("region", { name: "Verify your email address" });
    await user.click(within(banner).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("region", { name: "Verify your email address" })).not.toBeInTheDocument();
    unmount();

    renderBanner();
    await screen.findByRole("region", { name: "Notifications" }); // the toaster: rendered
    expect(screen.queryByRole("region", { name: "Verify your email address" })).not.toBeInTheDocument();
  });

  it("is not shown for a verified address", async () => {
    setVerified(true);
    renderBanner();
    await screen.findByRole("region", { name: "Notifications" });
    expect(screen.queryByRole("region", { name: "Verify your email address" })).not.toBeInTheDocument();
  });
});
