import { http, HttpResponse } from "msw";

import type {
  Collectible,
  CollectibleBulkEditRequest,
  ImportJob,
  ImportJobChanges,
  Photo,
  PriceEntry,
  PriceEntryChange,
  PriceSeries,
  Tracker,
  TrackerRequest,
  User,
  Vendor,
} from "@/lib/api/types";

import { makeCollectible, makeImportJob, makeTracker, makeVendor, now } from "./factories";

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
  /** The body of each POST /collectibles/bulk, in order. */
  bulkRequests: CollectibleBulkEditRequest[];
  photos: Photo[];
  /** Prices entered by hand, and the body of each PATCH correcting one. */
  manualEntries: PriceEntry[];
  entryChanges: PriceEntryChange[];
  imports: ImportJob[];
  /** The body of each PATCH /imports/{id}/, in order. */
  importChanges: ImportJobChanges[];
  /** access token → user id */
  accessTokens: Map<string, number>;
  /** The user the (httpOnly, so simulated) refresh cookie belongs to; null = no cookie. */
  refreshCookieUser: number | null;
  tokenCounter: number;
  refreshCalls: number;
}



export { makeCollectible, makeImportJob, makePhoto, makeScrapeJob, makeSeries, makeTracker, makeVendor } from "./factories";

function freshDb(): Db {
  return {
    users: [
      {
        id: 1,
        email: "ada@example.com",
        password: "correct horse",
        display_name: "Ada",
        display_currency: "",
        language: "",
        email_verified: true,
        date_joined: now,
      },
    ],
    vendors: [makeVendor()],
    collectibles: [],
    trackers: [],
    trackerTests: [],
    priceSeries: [],
    priceRequests: [],
    bulkRequests: [],
    photos: [],
    manualEntries: [],
    entryChanges: [],
    imports: [],
    importChanges: [],
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
  "status",
  "location",
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
      db.users.push({ id, email: body.email, password: body.password, display_name: body.display_name ?? "", display_currency: "", language: "", email_verified: false, date_joined: now });
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
  http.patch(`${API}/auth/me`, async ({ request }) => {
    const user = currentUser(request);
    const stored = db.users.find((u) => u.id === user?.id);
    if (!user || !stored) return unauthorized();
    const changes = (await request.json()) as Partial<User>;
    Object.assign(stored, changes);
    return HttpResponse.json({ ...user, ...changes });
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
          seller: "",
          shipping: null,
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
  http.post(`${API}/collectibles/bulk`, async ({ request }) => {
    if (!currentUser(request)) return unauthorized();
    const body = (await request.json()) as CollectibleBulkEditRequest;
    db.bulkRequests.push(body);
    const targets = body.ids ? db.collectibles.filter((c) => body.ids?.includes(c.id)) : db.collectibles;
    for (const item of targets) {
      if (body.action === "add_tags") item.tags = [...new Set([...(item.tags ?? []), ...(body.tags ?? [])])];
      if (body.action === "set_location") item.location = body.location ?? "";
    }
    if (body.action === "delete") db.collectibles = db.collectibles.filter((c) => !targets.includes(c));
    return HttpResponse.json({ matched: targets.length, changed: targets.length });
  }),
  http.post(`${API}/collectibles/:id/duplicate`, ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const original = db.collectibles.find((c) => String(c.id) === params.id);
    if (!original) return error(404, "Not found.", "not_found");
    const { id: _id, ...details } = original;
    const copy = makeCollectible({ ...details, cert_number: "" });
    db.collectibles.push(copy);
    return HttpResponse.json(copy, { status: 201 });
  }),
  http.get(`${API}/collectibles/:id/photos/`, ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    return HttpResponse.json(db.photos.filter((p) => String(p.collectible) === params.id).sort((a, b) => (a.position ?? 0) - (b.position ?? 0)));
  }),
  http.patch(`${API}/collectibles/:id/photos/:photoId/`, async ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const body = (await request.json()) as Partial<Photo>;
    const photo = db.photos.find((p) => String(p.id) === params.photoId);
    if (!photo) return error(404, "Not found.", "not_found");
    if (body.is_cover) for (const p of db.photos) if (p.collectible === photo.collectible) p.is_cover = p.id === photo.id;
    return HttpResponse.json(photo);
  }),
  http.post(`${API}/collectibles/:id/photos/order/`, async ({ request }) => {
    if (!currentUser(request)) return unauthorized();
    const { ids } = (await request.json()) as { ids: number[] };
    ids.forEach((id, position) => {
      const photo = db.photos.find((p) => p.id === id);
      if (photo) photo.position = position;
    });
    return HttpResponse.json(db.photos.filter((p) => ids.includes(p.id)).sort((a, b) => (a.position ?? 0) - (b.position ?? 0)));
  }),
  http.post(`${API}/imports/`, ({ request }) => {
    if (!currentUser(request)) return unauthorized();
    const job = makeImportJob();
    db.imports.push(job);
    return HttpResponse.json(job, { status: 201 });
  }),
  http.get(`${API}/imports/:id/`, ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const job = db.imports.find((j) => String(j.id) === params.id);
    if (!job) return error(404, "Not found.", "not_found");
    // A committed job advances one step per poll, then finishes.
    if (job.status === "running") {
      Object.assign(job, { processed: Math.min(job.total, job.processed + 1) });
      if (job.processed === job.total) Object.assign(job, { status: "succeeded", is_finished: true, created: job.total, finished_at: now });
    }
    return HttpResponse.json(job);
  }),
  http.patch(`${API}/imports/:id/`, async ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const job = db.imports.find((j) => String(j.id) === params.id);
    if (!job) return error(404, "Not found.", "not_found");
    const changes = (await request.json()) as ImportJobChanges;
    db.importChanges.push(changes);
    Object.assign(job, changes, changes.mapping ? { mapping: { ...job.mapping, ...changes.mapping } } : {});
    if (job.mapping.Title === "name") {
      Object.assign(job, {
        preview: [{ row: 2, action: "create", duplicate_of: null, item: { name: "Pikachu", condition: "near_mint", purchase_price: "12.50" }, tracker_url: "", errors: [] }],
        counts: { rows: 2, create: 2, update: 0, skip: 0, error: 0 },
        errors: [],
      });
    }
    return HttpResponse.json(job);
  }),
  http.post(`${API}/imports/:id/commit`, ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const job = db.imports.find((j) => String(j.id) === params.id);
    if (!job) return error(404, "Not found.", "not_found");
    Object.assign(job, { status: "running", total: 2, processed: 0 });
    return HttpResponse.json(job, { status: 202 });
  }),
  http.post(`${API}/imports/:id/undo`, ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const job = db.imports.find((j) => String(j.id) === params.id);
    if (!job) return error(404, "Not found.", "not_found");
    Object.assign(job, { status: "undone", undone_at: now });
    return HttpResponse.json(job);
  }),
  http.get(`${API}/collectibles/:id/price-entries/`, ({ request }) => {
    if (!currentUser(request)) return unauthorized();
    return HttpResponse.json({ count: db.manualEntries.length, next: null, previous: null, results: db.manualEntries });
  }),
  http.patch(`${API}/collectibles/:id/price-entries/:entryId/`, async ({ request, params }) => {
    if (!currentUser(request)) return unauthorized();
    const entry = db.manualEntries.find((e) => String(e.id) === params.entryId);
    if (!entry) return error(404, "Not found.", "not_found");
    const change = (await request.json()) as PriceEntryChange;
    db.entryChanges.push(change);
    Object.assign(entry, change);
    return HttpResponse.json(entry);
  }),
];
