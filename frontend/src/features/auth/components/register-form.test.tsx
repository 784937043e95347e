import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClientProvider } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";

import { tokenStore } from "@/lib/api/token-store";
import { createTestQueryClient } from "@/testing/render";

import { RegisterForm } from "./register-form";

function setup() {
  const onSuccess = vi.fn();
  const queryClient = createTestQueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <RegisterForm onSuccess={onSuccess} />
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), onSuccess, queryClient };
}

async function signUp(user: ReturnType<typeof userEvent.setup>, email: string, password: string) {
  await user.type(screen.getByLabelText(/^Email/), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.type(screen.getByLabelText(/^Confirm password/), password);
  await user.click(screen.getByRole("button", { name: "Create account" }));
}

describe("register form", () => {
  it("creates the account, then signs in with the same password", async () => {
    const { user, onSuccess, queryClient } = setup();
    await signUp(user, "brock@example.com", "pewter-city-gym-1");
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(tokenStore.get()).toMatch(/^access-/);
    expect(queryClient.getQueryData(["auth", "me"])).toMatchObject({ email: "brock@example.com" });
  });

  it("says an existing address must sign in with its own password", async () => {
    const { user, onSuccess } = setup();
    await signUp(user, "ada@example.com", "not-adas-password-1");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This email address already has an account: sign in with its password, or reset it. We also sent its owner a note.",
    );
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
