import { http, HttpResponse } from "msw";

import type { Collectible, PriceSeries, ScrapeJob, Tracker, TrackerRequest, User, Vendor } from "@/lib/api/types";

/** Paths are relative: MSW resolves them against the jsdom origin the app client uses. */
export const API = "/api/v1";

interface Db {
  users: (User & { password: string })[];
  vendors: Vendor[];
  collectibles: Collectible[];
  trackers: Tracker[];
  /** The body of each POST …/trackers/test/ (testing a tracker before it is saved), in order. */
  trackerTests: TrackerRequest[];
  /** Every series GET /prices answers with (filtered by nothing: tests set what they need). */
  priceSeries: PriceSeries[];
  /** The query string of each GET /prices, in order. */
  priceRequests: URLSearchParams[];
  /** access token → user id */
  accessTokens: Map<string, number>;
  /** The user the (httpOnly, so simulated) refresh cookie belongs to; null = no cookie. */
  refreshCookieUser: number | null;
  tokenCounter: number;
  refreshCalls: number;
}

const now = "2025-01-15T10:00:00Z";

export function makeVendor(overrides: Partial<Vendor> = {}): Vendor {
  return {
    id: 1,
    name: "Ada's collection",
    slug: "ada",
    default_currency: "EUR",
    is_personal: true,
    role: "owner",
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

let collectibleSeq = 100;
export function makeCollectible(overrides: Partial<Collectible> = {}): Collectible {
  collectibleSeq += 1;
  return {
    id: collectibleSeq,
    vendor: 1,
    created_by: 1,
    name: `Item ${String(collectibleSeq)}`,
    category: "video_game",
    set_name: "",
    number: "",
    condition: "near_mint",
    completeness: "",
    grader: "",
    grade: null,
    quantity: 1,
    purchase_price: "12.50",
    purchase_currency: "EUR",
    purchase_date: "2024-03-01",
    notes: "",
    tags: [],
    external_ids: {},
    card_details: null,
    // Valued at its purchase price until a market price arrives (docs/valuation.md).
    valuation: {
      basis: "purchase",
      currency: "EUR",
      unit_value: "12.50",
      value: "12.50",
      cost: "12.50",
      price: null,
      age_days: null,
      is_stale: false,
      unconvertible: false,
      valued_at: now,
    },
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

let trackerSeq = 500;
export function makeTracker(overrides: Partial<Tracker> = {}): Tracker {
  trackerSeq += 1;
  return {
    id: trackerSeq,
    collectible: 101,
    source: "structured",
    url: `https://shop.example/item/${String(trackerSeq)}`,
    external_id: "",
    selector: "",
    attribute: "",
    condition: "",
    currency: "",
    interval_minutes: 1440,
    status: "ok",
    is_active: true,
    paused_reason: "",
    next_run_at: now,
    consecutive_failures: 0,
    last_error_kind: "",
    last_error_message: "",
    last_error_at: null,
    last_checked_at: now,
    last_success_at: now,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

/** A daily series; `prices` are oldest first, one per day ending on 2025-01-15. */
export function makeSeries(prices: number[], overrides: Partial<PriceSeries> = {}): PriceSeries {
  const end = Date.parse("2025-01-15T00:00:00Z");
  const points = prices.map((price, index) => {
    const value = price.toFixed(2);
    return { t: new Date(end - (prices.length - 1 - index) * 86_400_000).toISOString(), price: value, low: value, high: value, count: 1 };
  });
  const latest = points[points.length - 1];
  return {
    source: "pricecharting",
    condition: "loose",
    currency: "EUR",
    points,
    summary: {
      latest: latest?.price ?? null,
      latest_at: latest?.t ?? null,
      min: points.length ? Math.min(...prices).toFixed(2) : null,
      max: points.length ? Math.max(...prices).toFixed(2) : null,
      change_7d: null,
      change_30d: null,
    },
    ...overrides,
  };
}

export function makeScrapeJob(overrides: Partial<ScrapeJob> = {}): ScrapeJob {
  return {
    id: 900,
    kind: "manual",
    status: "queued",
    is_finished: false,
    collectible: 101,
    requested_by: 1,
    trackers_total: 0,
    trackers_succeeded: 0,
    trackers_failed: 0,
    trackers_skipped: 0,
    observations_recorded: 0,
    error: "",
    created_at: now,
    started_at: null,
    finished_at: null,
    runs: [],
    ...overrides,
  };
}

function freshDb(): Db {
  return {
    users: [
      {
        id: 1,
        email: "ada@example.com",
        password: "correct horse",
        display_name: "Ada",
        date_joined: now,
      },
    ],
    vendors: [makeVendor()],
    collectibles: [],
    trackers: [],
    trackerTests: [],
    priceSeries: [],
    priceRequests: [],
    accessTokens: new Map(),
    refreshCookieUser: null,
    tokenCounter: 0,
    refreshCalls: 0,
  };
}

export let db: Db = freshDb();
export function resetDb(): void {
  db = freshDb();
}

export function issueAccessToken(userId = 1): string {
  db.tokenCounter += 1;
  const token = `access-${String(db.tokenCounter)}`;
  db.accessTokens.set(token, userId);
  return token;
}

const error = (status: number, detail: string, code: string, fields?: Record<string, string[]>) =>
  HttpResponse.json(fields ? { detail, code, fields } : { detail, code }, { status });

function currentUser(request: Request): User | null {
  const header = request.headers.get("Authorization") ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : "";
  const id = db.accessTokens.get(token);
  const user = db.users.find((u) => u.id === id);
  if (!user) return null;
  const { password: _password, ...rest } = user;
  return rest;
}

const unauthorized = () =>
  error(401, "Given token not valid for any token type", "token_not_valid");

function session(userId: number, status = 200) {
  const access = issueAccessToken(userId);
  db.refreshCookieUser = userId;
  const user = currentUser(new Request("http://x", { headers: { Authorization: `Bearer ${access}` } }));
  return HttpResponse.json({ access, refresh: `refresh-${access}`, user }, { status });
}

const LIST_PARAMS = new Set([
  "page",
  "page_size",
  "ordering",
  "category",
  "condition",
  "vendor",
  "tag",
  "language",
  "market_region",
  "release_date_after",
  "release_date_before",
  "purchase_date_after",
  "purchase_date_before",
]);

export const handlers = [
  http.post(`${API}/auth/login`, async ({ request }) => {
    const body = (await request.json()) as { email?: string; password?: string };
    const user = db.users.find((u) => u.email === body.email && u.password === body.password);
    if (!user) return error(401, "No active account found with the given credentials", "no_active_account");
    return session(user.id);
  }),
  http.post(`${API}/auth/register`, async ({ request }) => {
    const body = (await request.json()) as { email: string; password: string; display_name?: string };
    // As the server: the same answer whether or not the address already has an account.
    if (!db.users.some((u) => u.email === body.email)) {
      const id = db.users.length + 1;
      db.users.push({ id, email: body.email, password: body.password, display_name: body.display_name ?? "", date_joined: now });
    }
    return HttpResponse.json({ detail: "Check your inbox." }, { status: 202 });
  }),
  http.post(`${API}/auth/refresh`, () => {
    db.refreshCalls += 1;
    if (db.refreshCookieUser === null) return error(401, "Token is blacklisted", "token_not_valid");
    const access = issueAccessToken(db.refreshCookieUser);
    return HttpResponse.json({ access, refresh: `refresh-${access}` });
  }),
  http.post(`${API}/auth/logout`, () => {
    db.refreshCookieUser = null;
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(`${API}/auth/me`, ({ request }) => {
    const user = currentUser(request);
    return user ? HttpResponse.json(user) : unauthorized();
  }),
  http.get(`${API}/vendors/`, ({ request }) => {
    if (!currentUser(request)) return unauthorized();
    return HttpResponse.json({ count: db.vendors.length, next: null, previous: null, results: db.vendors });
  }),
  http.get(`${API}/collectibles/`, ({ request }) => {
    if (!currentUser(request)) return unauthorized();
    const params = new URL(request.url).searchParams;
    const unknown = [...params.keys()].filter((key) => !LIST_PARAMS.has(key));
    if (unknown.length > 0) {
      return error(400, "Some fields are not valid.", "invalid", Object.fromEntries(unknown.map((k) => [k, ["Unknown parameter."]])));
    }
    let items = [...db.collectibles];
    const categories = params.getAll("category");
    if (categories.length) items = items.filter((c) => categories.includes(c.category));
    const conditions = params.getAll("condition");
    if (conditions.length) items = items.filter((c) => c.condition !== undefined && conditions.includes(c.condition));
    const vendor = params.get("vendor");
    if (vendor) items = items.filter((c) => String(c.vendor) === vendor);
    const tag = params.get("tag");
    if (tag) items = items.filter((c) => c.tags?.includes(tag.toLowerCase()));
    const ordering = params.get("ordering");
    if (ordering === "name") items.sort((a, b) => a.name.localeCompare(b.name));
    if (ordering === "-name") items.sort((a, b) => b.name.localeCompare(a.name));
    const page = Number(params.get("page") ?? "1");
    const size = Number(params.get("page_size") ?? "25");
    const results = items.slice((page - 1) * size, page * size);
    return HttpResponse.json({
      count: items.length,
      next: page * size < items.length ? `http://localhost${API}/collectibles/?page=${String(page + 1)}` : null,
      previous: page > 1 ? `http://localhost${API}/collectibles/?page=${String(page - 1)}` : null,
      results,
    });
  }),
  http.get(`${API}/collectibles/:id/`, ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const item = db.collectibles.find((c) => String(c.id) === params.id);
    return item ? HttpResponse.json(item) : error(404, "Not found.", "not_found");
  }),
  http.post(`${API}/collectibles/`, async ({ request }) => {
    const user = currentUser(request);
    if (!user) return unauthorized();
    const body = (await request.json()) as Partial<Collectible>;
    const item = makeCollectible({ ...body, created_by: user.id });
    db.collectibles.push(item);
    return HttpResponse.json(item, { status: 201 });
  }),
  http.put(`${API}/collectibles/:id/`, async ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const index = db.collectibles.findIndex((c) => String(c.id) === params.id);
    const existing = db.collectibles[index];
    if (!existing) return error(404, "Not found.", "not_found");
    const body = (await request.json()) as Partial<Collectible>;
    const updated = { ...existing, ...body, id: existing.id };
    db.collectibles[index] = updated;
    return HttpResponse.json(updated);
  }),
  http.delete(`${API}/collectibles/:id/`, ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    db.collectibles = db.collectibles.filter((c) => String(c.id) !== params.id);
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(`${API}/collectibles/:id/trackers/`, ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const results = db.trackers.filter((t) => String(t.collectible) === params.id);
    return HttpResponse.json({ count: results.length, next: null, previous: null, results });
  }),
  http.post(`${API}/collectibles/:id/trackers/`, async ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const body = (await request.json()) as TrackerRequest;
    if (body.source === "css" && !body.selector) {
      return error(400, "Some fields are not valid.", "invalid", { selector: ["The css source needs a CSS selector."] });
    }
    const tracker = makeTracker({ ...body, collectible: Number(params.id), status: "new", last_checked_at: null, last_success_at: null });
    db.trackers.push(tracker);
    return HttpResponse.json(tracker, { status: 201 });
  }),
  // Testing before saving: validated like a create, answers a passing check, stores nothing.
  http.post(`${API}/collectibles/:id/trackers/test/`, async ({ request }) => {
    if (!currentUser(request)) return unauthorized();
    const body = (await request.json()) as TrackerRequest;
    db.trackerTests.push(body);
    if (body.source === "css" && !body.selector) {
      return error(400, "Some fields are not valid.", "invalid", { selector: ["The css source needs a CSS selector."] });
    }
    return HttpResponse.json({
      ok: true,
      failure: null,
      observations: [
        {
          source: body.source ?? "structured",
          price: "42.00",
          currency: body.currency || "EUR",
          condition: body.condition || "loose",
          observed_at: now,
          url: body.url,
          title: "Chrono Trigger",
          availability: "in_stock",
        },
      ],
    });
  }),
  http.get(`${API}/collectibles/:id/prices`, ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const query = new URL(request.url).searchParams;
    db.priceRequests.push(query);
    return HttpResponse.json({
      collectible: Number(params.id),
      interval: query.get("interval") ?? "day",
      from: query.get("from") ?? now,
      to: now,
      series: db.priceSeries,
    });
  }),
];
