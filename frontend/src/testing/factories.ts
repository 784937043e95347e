import type { Collectible, ImportJob, Photo, PriceSeries, ScrapeJob, Tracker, Vendor } from "@/lib/api/types";

// Test data builders: plausible API objects, overridable field by field.

export const now = "2025-01-15T10:00:00Z";

export function makeVendor(overrides: Partial<Vendor> = {}): Vendor {
  return {
    id: 1,
    name: "Ada's collection",
    slug: "ada",
    default_currency: "EUR",
    is_personal: true,
    role: "owner",
    collection_visibility: "private",
    wants_visibility: "private",
    share_show_prices: false,
    share_token: null,
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
    purchase_fees: null,
    purchase_shipping: null,
    status: "owned",
    sale_price: null,
    sale_currency: "",
    sale_date: null,
    sale_fees: null,
    location: "",
    cert_number: "",
    notes: "",
    tags: [],
    external_ids: {},
    card_details: null,
    cover_photo: null,
    // Valued at its purchase price until a market price arrives (docs/valuation.md).
    valuation: {
      basis: "purchase",
      currency: "EUR",
      unit_value: "12.50",
      value: "12.50",
      cost: "12.50",
      proceeds: null,
      realised_gain: null,
      price: null,
      age_days: null,
      is_stale: false,
      unconvertible: false,
      valued_at: now,
    },
    // A wanted item's cheapest current offer (none for owned items).
    best_offer: null,
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

let photoSeq = 700;
export function makePhoto(overrides: Partial<Photo> = {}): Photo {
  photoSeq += 1;
  return {
    id: photoSeq,
    collectible: 101,
    url: `/media/photos/${String(photoSeq)}.webp`,
    thumbnail_url: `/media/photos/${String(photoSeq)}-thumb.webp`,
    position: 0,
    is_cover: false,
    width: 800,
    height: 600,
    content_type: "image/webp",
    byte_size: 1234,
    source_url: "",
    uploaded_by: 1,
    created_at: now,
    ...overrides,
  };
}

/** A draft import of a generic sheet: "Title" is not recognised until mapped to name. */
export function makeImportJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 300,
    vendor: 1,
    status: "draft",
    is_finished: false,
    file_name: "cards.csv",
    file_format: "csv",
    profile: "",
    encoding: "utf-8",
    delimiter: ",",
    header_row: 1,
    columns: ["Title", "Condition", "Paid"],
    suggested_mapping: { Title: null, Condition: "condition", Paid: "purchase_price" },
    mapping: { Title: null, Condition: "condition", Paid: "purchase_price" },
    // A few of what the server offers (imports/fields.py), group by group.
    targets: [
      { name: "name", label: "Name", group: "Item", kind: "text" },
      { name: "category", label: "Category", group: "Item", kind: "choice" },
      { name: "condition", label: "Condition", group: "Item", kind: "choice" },
      { name: "purchase_price", label: "Purchase price", group: "Purchase and sale", kind: "price" },
      { name: "max_price", label: "Maximum price", group: "Want list", kind: "price" },
      { name: "external_ids.discogs", label: "Discogs id", group: "Marketplaces and tracking", kind: "external_id" },
    ],
    value_maps: {},
    defaults: {},
    day_first: false,
    create_trackers: true,
    preview: [
      { row: 2, action: "error", duplicate_of: null, item: { condition: "near_mint", purchase_price: "12.50" }, tracker_url: "", errors: [{ row: 2, column: null, message: "An item needs a name." }] },
    ],
    counts: { rows: 2, create: 0, update: 0, skip: 0, error: 2 },
    errors: [{ row: 2, column: null, message: "An item needs a name." }],
    on_duplicate: "skip",
    total: 0,
    processed: 0,
    created: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    trackers_created: 0,
    error: "",
    created_at: now,
    queued_at: null,
    started_at: null,
    finished_at: null,
    undone_at: null,
    ...overrides,
  };
}
