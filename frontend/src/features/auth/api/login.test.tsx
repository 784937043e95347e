import { QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";
import type { User } from "@/lib/api/types";
import { db } from "@/testing/handlers";
import { createTestQueryClient } from "@/testing/render";

import { useLogin } from "./login";

function signInAs(): { queryClient: ReturnType<typeof createTestQueryClient>; login: () => Promise<void> } {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => useLogin(), { wrapper });
  return {
    queryClient,
    login: async () => {
      await act(() => result.current.mutateAsync({ email: "ada@example.com", password: "correct horse" }).then(() => undefined));
    },
  };
}

describe("signing in", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("records the language this device shows when the account has none", async () => {
    await changeLanguage("de", false);
    const { queryClient, login } = signInAs();

    await login();

    await waitFor(() => expect(db.users[0]?.language).toBe("de"));
    await waitFor(() => expect(queryClient.getQueryData<User>(["auth", "me"])?.language).toBe("de"));
  });

  it("keeps a language the account already has", async () => {
    const [ada] = db.users;
    if (!ada) throw new Error("the test database has no user");
    db.users[0] = { ...ada, language: "en" };
    await changeLanguage("de", false);
    const { queryClient, login } = signInAs();

    await login();

    expect(queryClient.getQueryData<User>(["auth", "me"])?.language).toBe("en");
    expect(db.users[0].language).toBe("en");
  });
});
