import { http, HttpResponse } from "msw";

import type { SavedView, SavedViewChanges, SavedViewRequest } from "@/lib/api/types";

import { now } from "./factories";

// The saved-views API of the test server, apart from handlers.ts. Counts and values are
// whatever a test sets on the stored views (the server computes them from the items).
const API = "/api/v1";

interface ViewsDb {
  views: SavedView[];
  /** The body of each POST/PATCH, in order. */
  writes: (SavedViewRequest | SavedViewChanges)[];
}

const fresh = (): ViewsDb => ({ views: [], writes: [] });
export let viewsDb: ViewsDb = fresh();
export function resetViewsDb(): void {
  viewsDb = fresh();
}

let nextId = 1;
export function makeSavedView(overrides: Partial<SavedView> = {}): SavedView {
  const id = nextId++;
  return {
    id,
    name: `View ${String(id)}`,
    query: {},
    vendor: null,
    position: id,
    count: 0,
    value: "0.00",
    currency: "EUR",
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

const nameTaken = (name: string, except?: number) =>
  viewsDb.views.some((v) => v.id !== except && v.name.toLowerCase() === name.trim().toLowerCase());

const nameClash = () =>
  HttpResponse.json(
    { detail: "Invalid input.", code: "invalid", fields: { name: ["You already have a view with this name."] } },
    { status: 400 },
  );

export const viewHandlers = [
  http.get(`${API}/saved-views/`, () => HttpResponse.json(viewsDb.views)),
  http.post(`${API}/saved-views/`, async ({ request }) => {
    const body = (await request.json()) as SavedViewRequest;
    viewsDb.writes.push(body);
    if (nameTaken(body.name)) return nameClash();
    const view = makeSavedView({ name: body.name.trim(), query: body.query });
    viewsDb.views.push(view);
    return HttpResponse.json(view, { status: 201 });
  }),
  http.patch(`${API}/saved-views/:id`, async ({ params, request }) => {
    const body = (await request.json()) as SavedViewChanges;
    viewsDb.writes.push(body);
    const view = viewsDb.views.find((v) => v.id === Number(params.id));
    if (!view) return HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 });
    if (body.name !== undefined && nameTaken(body.name, view.id)) return nameClash();
    Object.assign(view, body.name !== undefined ? { name: body.name.trim() } : {}, body.query !== undefined ? { query: body.query } : {});
    return HttpResponse.json(view);
  }),
  http.post(`${API}/saved-views/reorder`, async ({ request }) => {
    const { ids } = (await request.json()) as { ids: number[] };
    viewsDb.views = ids.map((id) => viewsDb.views.find((v) => v.id === id)).filter((v) => v !== undefined);
    return HttpResponse.json(viewsDb.views);
  }),
  http.delete(`${API}/saved-views/:id`, ({ params }) => {
    viewsDb.views = viewsDb.views.filter((v) => v.id !== Number(params.id));
    return new HttpResponse(null, { status: 204 });
  }),
];
