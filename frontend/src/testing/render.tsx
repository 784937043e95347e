import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { createMemoryRouter, Outlet, RouterProvider, useLocation, type RouteObject } from "react-router";

import { tokenStore } from "@/lib/api/token-store";

import { issueAccessToken } from "./handlers";

/** Renders the current URL so tests can assert what the app wrote to it. */
export function LocationDisplay() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function currentUrl(): URL {
  const text = document.querySelector('[data-testid="location"]')?.textContent ?? "/";
  return new URL(text, "http://localhost");
}

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
}

/** Signs the default test user in (in memory, like after a login). */
export function signIn(userId = 1) {
  tokenStore.set(issueAccessToken(userId));
}

export function renderWithProviders(
  ui: ReactElement,
  { route = "/", path = "*", queryClient = createTestQueryClient() }: { route?: string; path?: string; queryClient?: QueryClient } = {},
) {
  const user = userEvent.setup();
  // A data router, like the app's: hooks such as useBlocker need one.
  const children: RouteObject[] = [{ path, element: ui }];
  if (path !== "*") children.push({ path: "*", element: null });
  const router = createMemoryRouter(
    [{ element: <><Outlet /><LocationDisplay /></>, children }],
    { initialEntries: [route] },
  );
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, user, queryClient };
}

/** The element at `index` of a query's results, failing the test when there is none. */
export function nth(elements: HTMLElement[], index: number): HTMLElement {
  const element = elements[index];
  if (!element) throw new Error(`Expected at least ${String(index + 1)} elements, found ${String(elements.length)}.`);
  return element;
}
