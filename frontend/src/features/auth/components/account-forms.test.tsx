import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";

import { Toaster } from "@/components/ui/toast";
import { tokenStore } from "@/lib/api/token-store";
import { API } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { DeleteAccount } from "./delete-account";
import { ForgotPasswordForm } from "./forgot-password-form";
import { PasswordChangeForm } from "./password-change-form";
import { ResetPasswordForm } from "./reset-password-form";

const ACCEPTED = "If an account uses this address, we sent it a link to choose a new password.";

describe("forgot password", () => {
  it("sends the address and shows the server's neutral answer", async () => {
    const sent: unknown[] = [];
    server.use(
      http.post(`${API}/auth/password-reset`, async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json({ detail: ACCEPTED }, { status: 202 });
      }),
    );
    const { user } = renderWithProviders(<ForgotPasswordForm />);
    await user.click(screen.getByRole("button", { name: "Send reset link" }));
    expect(await screen.findByText("Enter your email.")).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await user.type(screen.getByLabelText(/^Email/), "ada@example.com");
    await user.click(screen.getByRole("button", { name: "Send reset link" }));
    expect(await screen.findByText(ACCEPTED)).toBeInTheDocument();
    expect(sent).toEqual([{ email: "ada@example.com" }]);
  });

  it("says when it is throttled", async () => {
    server.use(
      http.post(`${API}/auth/password-reset`, () =>
        HttpResponse.json({ detail: "Request was throttled.", code: "throttled" }, { status: 429 }),
      ),
    );
    const { user } = renderWithProviders(<ForgotPasswordForm defaultEmail="ada@example.com" />);
    await user.click(screen.getByRole("button", { name: "Send reset link" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/throttled/);
  });
});

describe("reset password", () => {
  it("sends uid, token and the new password, then reports success", async () => {
    const sent: unknown[] = [];
    server.use(
      http.post(`${API}/auth/password-reset/confirm`, async ({ request }) => {
        sent.push(await request.json());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const onSuccess = vi.fn();
    const { user } = renderWithProviders(<ResetPasswordForm uid="MQ" token="tok-1" onSuccess={onSuccess} />);
    await user.type(screen.getByLabelText(/^New password/), "viridian-forest");
    await user.type(screen.getByLabelText(/^Confirm new password/), "viridian-fores");
    await user.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByText("The passwords do not match.")).toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Confirm new password/), "t");
    await user.click(screen.getByRole("button", { name: "Set new password" }));
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(sent).toEqual([{ uid: "MQ", token: "tok-1", new_password: "viridian-forest" }]);
  });

  it("shows a refused link and the password rules on their field", async () => {
    server.use(
      http.post(`${API}/auth/password-reset/confirm`, () =>
        HttpResponse.json(
          { detail: "Some fields are not valid.", code: "invalid", fields: { new_password: ["This password is too common."] } },
          { status: 400 },
        ),
        { once: true },
      ),
      http.post(`${API}/auth/password-reset/confirm`, () =>
        HttpResponse.json({ detail: "This reset link is invalid, expired or already used.", code: "token_invalid" }, { status: 400 }),
      ),
    );
    const { user } = renderWithProviders(<ResetPasswordForm uid="MQ" token="used" onSuccess={vi.fn()} />);
    await user.type(screen.getByLabelText(/^New password/), "password1");
    await user.type(screen.getByLabelText(/^Confirm new password/), "password1");
    await user.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByText("This password is too common.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("already used");
  });
});

describe("change password", () => {
  it("puts a wrong current password on its field and says when it worked", async () => {
    signIn();
    server.use(
      http.post(`${API}/auth/password`, async ({ request }) => {
        const body = (await request.json()) as { current_password: string };
        return body.current_password === "correct horse"
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json(
              { detail: "Some fields are not valid.", code: "invalid", fields: { current_password: ["This is not your current password."] } },
              { status: 400 },
            );
      }),
    );
    const { user } = renderWithProviders(
      <>
        <PasswordChangeForm />
        <Toaster />
      </>,
    );
    const form = screen.getByRole("form", { name: "Change password" });
    await user.type(within(form).getByLabelText(/^Current password/), "wrong");
    await user.type(within(form).getByLabelText(/^New password/), "viridian-forest");
    await user.type(within(form).getByLabelText(/^Confirm new password/), "viridian-forest");
    await user.click(within(form).getByRole("button", { name: "Change password" }));
    expect(await within(form).findByText("This is not your current password.")).toBeInTheDocument();

    await user.clear(within(form).getByLabelText(/^Current password/));
    await user.type(within(form).getByLabelText(/^Current password/), "correct horse");
    await user.click(within(form).getByRole("button", { name: "Change password" }));
    expect(await screen.findByText("Password changed. Your other sessions were signed out.")).toBeInTheDocument();
    expect(within(form).getByLabelText(/^Current password/)).toHaveValue("");
  });
});

describe("delete account", () => {
  it("asks for the password and the typed word, then ends the session", async () => {
    signIn();
    const sent: unknown[] = [];
    server.use(
      http.post(`${API}/auth/delete-account`, async ({ request }) => {
        const body = (await request.json()) as { password: string };
        sent.push(body);
        return body.password === "correct horse"
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json(
              { detail: "Some fields are not valid.", code: "invalid", fields: { password: ["This is not your password."] } },
              { status: 400 },
            );
      }),
    );
    const { user } = renderWithProviders(<DeleteAccount takeout={<button type="button">Download take-out</button>} />, {
      route: "/settings/account",
    });
    expect(screen.getByRole("region", { name: "Download your data first" })).toContainElement(
      screen.getByRole("button", { name: "Download take-out" }),
    );
    await user.click(screen.getByRole("button", { name: "Delete account…" }));
    const dialog = await screen.findByRole("alertdialog");
    const confirm = within(dialog).getByRole("button", { name: "Delete my account" });
    await user.type(within(dialog).getByLabelText("Password"), "wrong");
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText("Type DELETE to confirm"), "delete");
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(await within(dialog).findByText("This is not your password.")).toBeInTheDocument();
    expect(tokenStore.get()).not.toBeNull();

    await user.clear(within(dialog).getByLabelText("Password"));
    await user.type(within(dialog).getByLabelText("Password"), "correct horse");
    await user.click(confirm);
    await vi.waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/login"));
    expect(tokenStore.get()).toBeNull();
    expect(sent).toEqual([{ password: "wrong" }, { password: "correct horse" }]);
  });
});
