import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { Toaster } from "@/components/ui/toast";
import type { User } from "@/lib/api/types";
import { API } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { ProfileForm } from "./profile-form";

const ADA: User = { id: 1, email: "ada@example.com", display_name: "Ada", display_currency: "", language: "", email_verified: true, date_joined: "2026-01-01T00:00:00Z" };

describe("ProfileForm", () => {
  it("saves the display name and currency and says so", async () => {
    signIn();
    const sent: unknown[] = [];
    server.use(
      http.patch(`${API}/auth/me`, async ({ request }) => {
        const body = (await request.json()) as Partial<User>;
        sent.push(body);
        return HttpResponse.json({ ...ADA, ...body });
      }),
    );
    const { user, queryClient } = renderWithProviders(
      <>
        <ProfileForm user={ADA} collectionCurrency="USD" />
        <Toaster />
      </>,
    );
    expect(screen.getByText(/Your collection is kept in USD/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save profile" })).toBeDisabled();

    await user.clear(screen.getByLabelText("Display name"));
    await user.type(screen.getByLabelText("Display name"), " Ada L. ");
    await user.selectOptions(screen.getByLabelText(/^Display currency/), "EUR");
    await user.click(screen.getByRole("button", { name: "Save profile" }));

    expect(await screen.findByText("Profile saved.")).toBeInTheDocument();
    expect(sent).toEqual([{ display_name: "Ada L.", display_currency: "EUR" }]);
    expect(queryClient.getQueryData(["auth", "me"])).toMatchObject({ display_currency: "EUR" });
  });

  it("shows the server's refusal on the field", async () => {
    signIn();
    server.use(
      http.patch(`${API}/auth/me`, () =>
        HttpResponse.json(
          { detail: "Some fields are not valid.", code: "invalid", fields: { display_currency: ["XAU is not an ISO 4217 currency code."] } },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderWithProviders(<ProfileForm user={{ ...ADA, display_currency: "CHF" }} />);
    await user.selectOptions(screen.getByLabelText(/^Display currency/), "GBP");
    await user.click(screen.getByRole("button", { name: "Save profile" }));
    expect(await screen.findByText("XAU is not an ISO 4217 currency code.")).toBeInTheDocument();
  });
});
