import createClient from "openapi-fetch";

import { env } from "@/config/env";
import { activeLanguageOf } from "@/i18n/languages";

import { errorFromResponse, networkError } from "./errors";
import type { paths } from "./schema";
import { tokenStore } from "./token-store";
import type { TokenPair } from "./types";

export const AUTH_PATHS = {
  login: "/api/v1/auth/login",
  register: "/api/v1/auth/register",
  refresh: "/api/v1/auth/refresh",
  logout: "/api/v1/auth/logout",
} as const;

/** Calls that must never trigger (or wait for) a token refresh. */
const NO_REFRESH_PATHS: readonly string[] = Object.values(AUTH_PATHS);

export interface ApiClientOptions {
  baseUrl: string;
  /** The underlying fetch; defaults to the global one (read at call time, for MSW). */
  fetch?: (request: Request) => Promise<Response>;
}

export type SessionExpiredHandler = () => void;

function withAuthorization(request: Request, token: string | null): Request {
  const headers = new Headers(request.headers);
  // The server's own messages (validation, errors) in the app's language, not the browser's.
  headers.set("Accept-Language", activeLanguageOf());
  if (token) headers.set("Authorization", `Bearer ${token}`);
  else headers.delete("Authorization");
  return new Request(request, { headers });
}

/**
 * Runs `refresh` while holding a lock shared by every tab of this site (Web Locks API,
 * where the browser has it). Refresh tokens are single-use and the server ends a session
 * whose used token comes back, so two tabs must never send the same cookie at once: the
 * second waits, then sends the cookie the first one's answer replaced.
 */
function acrossTabs<T>(refresh: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  return locks ? (locks.request("omni-stock-token-refresh", refresh) as Promise<T>) : refresh();
}

function pathOf(request: Request): string {
  try {
    return new URL(request.url).pathname.replace(/\/+$/, "");
  } catch {
    return request.url;
  }
}

/**
 * The typed API client.
 *
 * - Sends `Authorization: Bearer <access>` from the in-memory token store.
 * - On a 401 (except from the auth endpoints themselves) it starts ONE refresh
 *   (`POST /auth/refresh` with the httpOnly cookie); concurrent 401s share that in-flight
 *   refresh, then each request is replayed once with the new token.
 * - When the server rejects the refresh, the session-expired handler runs once (the app
 *   clears tokens and the query cache and goes to /login) and callers get the 401.
 * - A network failure rejects with `ApiError` status 0 (and never logs the user out).
 */
export function createApiClient(options: ApiClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const send = async (request: Request): Promise<Response> => {
    try {
      return await (options.fetch ?? ((r: Request) => globalThis.fetch(r)))(request);
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw networkError(error);
    }
  };

  let inFlightRefresh: Promise<string | null> | null = null;
  let expiredNotifiedFor: Promise<string | null> | null = null;
  let onSessionExpired: SessionExpiredHandler = () => undefined;

  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one
   * request. Resolves to the new token, or null when the server refused (no or invalid
   * cookie); rejects with ApiError(status 0) on a network failure.
   */
  function refreshAccessToken(): Promise<string | null> {
    if (inFlightRefresh) return inFlightRefresh;
    const attempt = (async () => {
      try {
        const response = await acrossTabs(() =>
          send(
            new Request(`${baseUrl}${AUTH_PATHS.refresh}`, {
              method: "POST",
              credentials: "include",
              headers: { "Content-Type": "application/json", Accept: "application/json" },
              body: "{}",
            }),
          ),
        );
        if (!response.ok) {
          tokenStore.clear();
          return null;
        }
        const body = (await response.json()) as Partial<TokenPair>;
        if (typeof body.access !== "string" || body.access === "") {
          tokenStore.clear();
          return null;
        }
        tokenStore.set(body.access);
        return body.access;
      } finally {
        inFlightRefresh = null;
      }
    })();
    inFlightRefresh = attempt;
    return attempt;
  }

  async function authFetch(request: Request): Promise<Response> {
    const path = pathOf(request);
    if (NO_REFRESH_PATHS.includes(path)) {
      // Auth calls carry the refresh cookie (also cross-origin) and no bearer token.
      return send(new Request(request, { credentials: "include" }));
    }

    // Keep an unsent copy: a request body can be read only once, and we may replay it.
    const pristine = request.clone();
    // Wait for a refresh already under way instead of sending a token about to be replaced.
    if (inFlightRefresh) await inFlightRefresh.catch(() => null);
    const tokenUsed = tokenStore.get();
    const response = await send(withAuthorization(request, tokenUsed));
    if (response.status !== 401) return response;

    const current = tokenStore.get();
    if (current && current !== tokenUsed) {
      // Someone refreshed while this request was in flight: just replay.
      return send(withAuthorization(pristine, current));
    }
    const refresh = refreshAccessToken();
    const newToken = await refresh;
    if (!newToken) {
      if (expiredNotifiedFor !== refresh) {
        expiredNotifiedFor = refresh;
        onSessionExpired();
      }
      return response;
    }
    return send(withAuthorization(pristine, newToken));
  }

  const client = createClient<paths>({
    baseUrl,
    fetch: authFetch,
    headers: { Accept: "application/json" },
  });

  return {
    client,
    baseUrl,
    /** The authenticated fetch under `client` (token, one shared refresh, replay). */
    fetch: authFetch,
    refreshAccessToken,
    setSessionExpiredHandler(handler: SessionExpiredHandler) {
      onSessionExpired = handler;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Resolves to the response data, or rejects with ApiError for any non-2xx answer. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw errorFromResponse(response, error);
  return data as T;
}

/** The app-wide client (same origin unless VITE_API_BASE_URL says otherwise). */
export const api = createApiClient({ baseUrl: env.apiBaseUrl });
export const apiClient = api.client;
