import { QueryClient } from "@tanstack/react-query";
import { delay, http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";

import { changeLanguage } from "@/i18n";
import { endLocalSession } from "@/lib/session";
import { API, db, issueAccessToken, makeCollectible } from "@/testing/handlers";
import { server } from "@/testing/server";

import { createApiClient, unwrap } from "./client";
import { ApiError, NETWORK_ERROR_MESSAGE } from "./errors";
import { tokenStore } from "./token-store";

function makeClient() {
  return createApiClient({ baseUrl: window.location.origin });
}

/** Records the Authorization header of every request to a path. */
function recordAuthHeaders(path: string) {
  const seen: (string | null)[] = [];
  server.events.on("request:start", ({ request }) => {
    if (new URL(request.url).pathname === path) seen.push(request.headers.get("Authorization"));
  });
  return seen;
}

describe("API client: single-flight refresh on 401", () => {
  it("refreshes once for N concurrent 401s and replays every request with the new token", async () => {
    const api = makeClient();
    db.refreshCookieUser = 1; // the browser holds a valid refresh cookie
    tokenStore.set("expired-token"); // unknown to the server → 401
    const seen = recordAuthHeaders(`${API}/auth/me`);
    // Slow refresh, so all N 401s arrive while it is still in flight.
    server.use(
      http.post(`${API}/auth/refresh`, async () => {
        db.refreshCalls += 1;
        await delay(50);
        return HttpResponse.json({ access: issueAccessToken(1), refresh: "r" });
      }),
    );

    const N = 5;
    const results = await Promise.all(
      Array.from({ length: N }, () => unwrap(api.client.GET("/api/v1/auth/me"))),
    );

    expect(db.refreshCalls).toBe(1);
    expect(results.map((user) => user.email)).toEqual(Array(N).fill("ada@example.com"));
    const newToken = tokenStore.get();
    expect(newToken).toMatch(/^access-/);
    // N first attempts with the stale token, then N replays with the new one.
    expect(seen.filter((h) => h === "Bearer expired-token")).toHaveLength(N);
    expect(seen.filter((h) => h === `Bearer ${String(newToken)}`)).toHaveLength(N);
  });

  it("replays a request with its body intact", async () => {
    const api = makeClient();
    db.refreshCookieUser = 1;
    tokenStore.set("expired-token");

    const created = await unwrap(
      api.client.POST("/api/v1/collectibles/", {
        body: { name: "Chrono Trigger", category: "video_game" },
      }),
    );

    expect(created.name).toBe("Chrono Trigger");
    expect(db.refreshCalls).toBe(1);
    expect(db.collectibles.map((c) => c.name)).toEqual(["Chrono Trigger"]);
  });

  it("sends the refresh as POST {} with credentials and no bearer token", async () => {
    const api = makeClient();
    db.refreshCookieUser = 1;
    let captured: { body: string; auth: string | null; credentials: string } | undefined;
    server.use(
      http.post(`${API}/auth/refresh`, async ({ request }) => {
        captured = {
          body: await request.text(),
          auth: request.headers.get("Authorization"),
          credentials: request.credentials,
        };
        return HttpResponse.json({ access: issueAccessToken(1), refresh: "r" });
      }),
    );

    await expect(api.refreshAccessToken()).resolves.toMatch(/^access-/);
    expect(captured).toEqual({ body: "{}", auth: null, credentials: "include" });
  });

  it("logs out once when the refresh is refused: tokens and query cache cleared, sent to /login", async () => {
    const api = makeClient();
    db.refreshCookieUser = null; // cookie expired or revoked → refresh answers 401
    tokenStore.set("expired-token");
    const queryClient = new QueryClient();
    queryClient.setQueryData(["collectibles", "list", {}], { count: 1, results: [makeCollectible()] });
    queryClient.setQueryData(["auth", "me"], { id: 1 });
    const goToLogin = vi.fn();
    api.setSessionExpiredHandler(() => endLocalSession(queryClient, goToLogin));

    const outcomes = await Promise.allSettled([
      unwrap(api.client.GET("/api/v1/auth/me")),
      unwrap(api.client.GET("/api/v1/vendors/")),
      unwrap(api.client.GET("/api/v1/collectibles/")),
    ]);

    expect(db.refreshCalls).toBe(1);
    expect(goToLogin).toHaveBeenCalledTimes(1);
    expect(tokenStore.get()).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      const reason = (outcome as PromiseRejectedResult).reason as ApiError;
      expect(reason).toBeInstanceOf(ApiError);
      expect(reason.status).toBe(401);
    }
  });

  it("does not refresh when login itself answers 401", async () => {
    const api = makeClient();
    const expired = vi.fn();
    api.setSessionExpiredHandler(expired);

    const error = await unwrap(
      api.client.POST("/api/v1/auth/login", { body: { email: "ada@example.com", password: "nope" } }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).message).toBe("No active account found with the given credentials");
    expect(db.refreshCalls).toBe(0);
    expect(expired).not.toHaveBeenCalled();
  });

  it("does not log out when the refresh fails on the network", async () => {
    const api = makeClient();
    tokenStore.set("expired-token");
    const expired = vi.fn();
    api.setSessionExpiredHandler(expired);
    server.use(http.post(`${API}/auth/refresh`, () => HttpResponse.error()));

    const error = await unwrap(api.client.GET("/api/v1/auth/me")).catch((e: unknown) => e);

    expect((error as ApiError).status).toBe(0);
    expect(expired).not.toHaveBeenCalled();
    expect(tokenStore.get()).toBe("expired-token");
  });
});

describe("API client: error normalisation", () => {
  it("turns a 400 into ApiError with dotted field names", async () => {
    const api = makeClient();
    tokenStore.set(issueAccessToken(1));
    server.use(
      http.post(`${API}/collectibles/`, () =>
        HttpResponse.json(
          {
            detail: "Some fields are not valid.",
            code: "invalid",
            fields: {
              name: ["This field may not be blank."],
              "card_details.release_date": ["Date has wrong format."],
            },
          },
          { status: 400 },
        ),
      ),
    );

    const error = await unwrap(
      api.client.POST("/api/v1/collectibles/", { body: { name: "", category: "trading_card" } }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "invalid",
      message: "Some fields are not valid.",
      fields: {
        name: ["This field may not be blank."],
        "card_details.release_date": ["Date has wrong format."],
      },
    });
    expect((error as ApiError).isValidation).toBe(true);
  });

  it("turns a 429 into ApiError with the Retry-After delay in the message", async () => {
    const api = makeClient();
    server.use(
      http.post(`${API}/auth/login`, () =>
        HttpResponse.json(
          { detail: "Request was throttled. Expected available in 42 seconds.", code: "throttled" },
          { status: 429, headers: { "Retry-After": "42" } },
        ),
      ),
    );

    const error = await unwrap(
      api.client.POST("/api/v1/auth/login", { body: { email: "a@b.c", password: "x" } }),
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 429, code: "throttled", retryAfter: 42 });
    expect((error as ApiError).message).toBe("Too many attempts. Try again in 42 seconds.");
  });

  it("turns a network failure into ApiError status 0 with a clear message", async () => {
    const api = makeClient();
    tokenStore.set(issueAccessToken(1));
    server.use(http.get(`${API}/vendors/`, () => HttpResponse.error()));

    const error = await unwrap(api.client.GET("/api/v1/vendors/")).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: "network_error", message: NETWORK_ERROR_MESSAGE });
  });

  it("falls back to a status message when the body is not the error shape", async () => {
    const api = makeClient();
    tokenStore.set(issueAccessToken(1));
    server.use(http.get(`${API}/vendors/`, () => new HttpResponse("<h1>Bad gateway</h1>", { status: 502 })));

    const error = await unwrap(api.client.GET("/api/v1/vendors/")).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 502, code: "server_error", fields: {} });
    expect((error as ApiError).message).toMatch(/unavailable/);
  });

  it("repeats multi-value query parameters", async () => {
    const api = makeClient();
    tokenStore.set(issueAccessToken(1));
    let url = "";
    server.use(
      http.get(`${API}/collectibles/`, ({ request }) => {
        url = request.url;
        return HttpResponse.json({ count: 0, next: null, previous: null, results: [] });
      }),
    );

    await unwrap(
      api.client.GET("/api/v1/collectibles/", {
        params: { query: { category: ["vinyl", "comic"], page: 2 } },
      }),
    );

    expect(new URL(url).search).toBe("?category=vinyl&category=comic&page=2");
  });
});

describe("API client: the server's language", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("asks the API to answer in the app's language, not the browser's", async () => {
    const api = makeClient();
    const seen: (string | null)[] = [];
    server.events.on("request:start", ({ request }) => {
      if (new URL(request.url).pathname === `${API}/auth/me`) seen.push(request.headers.get("Accept-Language"));
    });
    tokenStore.set(issueAccessToken(1));
    await unwrap(api.client.GET("/api/v1/auth/me"));
    await changeLanguage("de", false);
    await unwrap(api.client.GET("/api/v1/auth/me"));
    expect(seen).toEqual(["en", "de"]);
  });
});
