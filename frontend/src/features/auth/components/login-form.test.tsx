import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClientProvider } from "@tanstack/react-query";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";

import { tokenStore } from "@/lib/api/token-store";
import { API } from "@/testing/handlers";
import { createTestQueryClient } from "@/testing/render";
import { server } from "@/testing/server";

import { LoginForm } from "./login-form";

function setup() {
  const onSuccess = vi.fn();
  const queryClient = createTestQueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <LoginForm onSuccess={onSuccess} />
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), onSuccess, queryClient };
}

async function fill(user: ReturnType<typeof userEvent.setup>, password: string) {
  await user.type(screen.getByLabelText("Email"), "ada@example.com");
  await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("login form", () => {
  it("signs in: keeps the access token in memory and caches the user", async () => {
    const { user, onSuccess, queryClient } = setup();
    await fill(user, "correct horse");
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(tokenStore.get()).toMatch(/^access-/);
    expect(queryClient.getQueryData(["auth", "me"])).toMatchObject({ email: "ada@example.com" });
    expect(window.localStorage.length).toBe(0);
  });

  it("shows wrong credentials as a form alert", async () => {
    const { user, onSuccess } = setup();
    await fill(user, "nope");
    expect(await screen.findByRole("alert")).toHaveTextContent("No active account found with the given credentials");
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("tells how long to wait when throttled", async () => {
    server.use(
      http.post(`${API}/auth/login`, () =>
        HttpResponse.json({ detail: "Request was throttled.", code: "throttled" }, { status: 429, headers: { "Retry-After": "30" } }),
      ),
    );
    const { user } = setup();
    await fill(user, "correct horse");
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many attempts. Try again in 30 seconds.");
  });

  it("validates before calling the API", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("Enter your email.");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Enter your password.");
  });
});
