import { http, HttpResponse } from "msw";

import type { BestOffers, CollectibleAcquireRequest, Offer } from "@/lib/api/types";

import { now } from "./factories";
import { db } from "./handlers";

// The want-list operations of the test server (best offers, acquire), apart from handlers.ts.
const API = "/api/v1";

interface WantsDb {
  /** item id → its offers (per source, as the server answers). */
  offers: Map<number, Offer[]>;
  acquireRequests: CollectibleAcquireRequest[];
}

const fresh = (): WantsDb => ({ offers: new Map(), acquireRequests: [] });
export let wantsDb: WantsDb = fresh();
export function resetWantsDb(): void {
  wantsDb = fresh();
}

export function makeOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    source: "structured",
    price: "35.00",
    currency: "EUR",
    condition: "near_mint",
    observed_at: now,
    url: "https://market.example/listing/1",
    tracker: 1,
    compared_currency: "EUR",
    compared_price: "35.00",
    within_max_price: true,
    ...overrides,
  };
}

const notFound = () => HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 });

export const wantHandlers = [
  http.get(`${API}/collectibles/:id/best-offers`, ({ params }) => {
    const item = db.collectibles.find((c) => String(c.id) === params.id);
    if (!item) return notFound();
    const body: BestOffers = {
      collectible: item.id,
      status: item.status ?? "owned",
      max_price: item.max_price ?? null,
      max_price_currency: item.max_price_currency ?? "",
      conditions: ["mint", "near_mint"],
      results: wantsDb.offers.get(item.id) ?? [],
    };
    return HttpResponse.json(body);
  }),
  http.post(`${API}/collectibles/:id/acquire`, async ({ request, params }) => {
    const index = db.collectibles.findIndex((c) => String(c.id) === params.id);
    const item = db.collectibles[index];
    if (!item) return notFound();
    if (item.status !== "wanted") return HttpResponse.json({ detail: "This item is not on the want list.", code: "not_wanted" }, { status: 400 });
    const body = (await request.json()) as CollectibleAcquireRequest;
    wantsDb.acquireRequests.push(body);
    const owned = { ...item, ...body, status: "owned" as const, max_price: null, max_price_currency: "", purchase_currency: body.purchase_currency ?? "EUR" };
    db.collectibles[index] = owned;
    return HttpResponse.json(owned);
  }),
];
