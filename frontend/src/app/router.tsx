import type { QueryClient } from "@tanstack/react-query";
import { createBrowserRouter, redirect, type LoaderFunctionArgs } from "react-router";

import { paths, safeNext } from "@/config/paths";
import { meQueryOptions } from "@/features/auth/api/get-me";
import { vendorsQueryOptions } from "@/features/vendors/api/get-vendors";
import { loadTexts } from "@/i18n";
import { api } from "@/lib/api/client";
import { isApiError } from "@/lib/api/errors";
import { tokenStore } from "@/lib/api/token-store";
import { endLocalSession } from "@/lib/session";

import { BootScreen, RouteError } from "./route-error";
import { RouteFocus } from "./route-focus";
import { ROUTE_TEXTS, type RouteWithTexts } from "./route-texts";

function loginUrlFor(location: { pathname: string; search: string }): string {
  const next = location.pathname + location.search;
  return next && next !== "/" && !next.startsWith(paths.login)
    ? `${paths.login}?next=${encodeURIComponent(next)}`
    : paths.login;
}

/** A screen beyond the first ones: its module and the namespaces it shows, fetched together. */
function withTexts<T>(route: RouteWithTexts, load: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([load(), loadTexts(ROUTE_TEXTS[route])]))[0];
}

export function createAppRouter(queryClient: QueryClient) {
  /** Protected routes: restore the session (refresh cookie → /auth/me) or go to /login. */
  async function requireSession({ request }: LoaderFunctionArgs) {
    try {
      await queryClient.query({ ...meQueryOptions(), staleTime: "static" });
    } catch (error) {
      if (isApiError(error) && error.status === 401) throw redirect(loginUrlFor(new URL(request.url)));
      throw error;
    }
    queryClient.query(vendorsQueryOptions()).catch(() => undefined);
    return null;
  }

  /** Login and register: someone already signed in goes straight to the app. */
  async function guestOnly({ request }: LoaderFunctionArgs) {
    // Decided by the token (in memory, or restored from the refresh cookie), never by a
    // cached profile that may outlive a logout.
    const signedIn = tokenStore.get() !== null || (await api.refreshAccessToken().catch(() => null)) !== null;
    if (signedIn) throw redirect(safeNext(new URL(request.url).searchParams.get("next")));
    return null;
  }

  const router = createBrowserRouter([
    {
      Component: RouteFocus,
      errorElement: <RouteError />,
      // Shown while the first route's loader restores the session.
      hydrateFallbackElement: <BootScreen />,
      children: [
        { path: paths.login, loader: guestOnly, lazy: () => import("./routes/login") },
        { path: paths.register, loader: guestOnly, lazy: () => import("./routes/register") },
        // Reached from mailed links: they work signed in or out.
        { path: paths.forgotPassword, lazy: () => import("./routes/forgot-password") },
        { path: paths.resetPassword, lazy: () => import("./routes/reset-password") },
        { path: paths.verifyEmail, lazy: () => import("./routes/verify-email") },
        { path: "/invitations/:token", lazy: () => import("./routes/invitation") },
        { path: "/share/:token", lazy: () => import("./routes/shared") },
        { path: "/p/:slug", lazy: () => import("./routes/shared") },
        {
          path: "/",
          loader: requireSession,
          lazy: () => import("./routes/app-layout"),
          children: [
            { index: true, lazy: withTexts("dashboard", () => import("./routes/dashboard")) },
            { path: "search", lazy: () => import("./routes/search") },
            { path: "collection", lazy: withTexts("collection-list", () => import("./routes/collection-list")) },
            { path: "collection/new", lazy: withTexts("collectible-new", () => import("./routes/collectible-new")) },
            { path: "collection/:id", lazy: withTexts("collectible-detail", () => import("./routes/collectible-detail")) },
            { path: "collection/:id/edit", lazy: withTexts("collectible-edit", () => import("./routes/collectible-edit")) },
            { path: "import", lazy: withTexts("import", () => import("./routes/import")) },
            { path: "wants", lazy: withTexts("want-list", () => import("./routes/want-list")) },
            { path: "wants/new", lazy: withTexts("want-new", () => import("./routes/want-new")) },
            { path: "alerts", lazy: withTexts("alerts", () => import("./routes/alerts")) },
            {
              path: "settings",
              lazy: () => import("./routes/settings-layout"),
              // One navigation (settings-layout) for every settings screen.
              children: [
                { index: true, lazy: () => import("./routes/settings-profile") },
                { path: "security", lazy: () => import("./routes/settings-security") },
                { path: "account", lazy: () => import("./routes/settings-account") },
                { path: "notifications", lazy: withTexts("notification-settings", () => import("./routes/notification-settings")) },
                { path: "collections", lazy: () => import("./routes/settings-collections") },
              ],
            },
            { path: "*", lazy: () => import("./routes/not-found") },
          ],
        },
      ],
    },
  ]);

  // A refresh refused mid-session (cookie expired or revoked): forget everything, sign in again.
  api.setSessionExpiredHandler(() =>
    endLocalSession(queryClient, () => void router.navigate(loginUrlFor(router.state.location), { replace: true })),
  );

  return router;
}
