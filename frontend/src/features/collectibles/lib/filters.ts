import type {
  Category,
  CollectibleListQuery,
  CollectibleStatus,
  Condition,
  Language,
  MarketRegion,
} from "@/lib/api/types";
import { CATEGORIES, CONDITIONS, LANGUAGES, MARKET_REGIONS, type Choice } from "@/lib/choices";
import { DEFAULT_PAGE_SIZE, isPageSize } from "@/lib/pagination";
import { isIsoDate } from "@/lib/utils";

import { DEFAULT_ORDERING, ORDERINGS, STATUSES, VALUE_BASES, type Ordering, type ValueBasis } from "./list-options";

/** The list view's state. It lives in the URL: names are the API's query parameters. */
export interface CollectibleFilters {
  page: number;
  page_size: number;
  ordering: Ordering;
  category: Category[];
  condition: Condition[];
  language: Language[];
  market_region: MarketRegion[];
  value_basis: ValueBasis[];
  /** Owned, sold or (empty) both. */
  status: CollectibleStatus[];
  /** Where it is kept (exact, any case), or "" for anywhere. */
  location: string;
  /** Has a value (true), has none (false: no price, or no exchange rate), or either (null). */
  priced: boolean | null;
  /** Valued from a price older than the stale limit (true), or not (false), or either. */
  stale: boolean | null;
  tag: string;
  vendor: number | null;
  release_date_after: string;
  release_date_before: string;
  purchase_date_after: string;
  purchase_date_before: string;
}

export const DEFAULT_FILTERS: CollectibleFilters = {
  page: 1,
  page_size: DEFAULT_PAGE_SIZE,
  ordering: DEFAULT_ORDERING,
  category: [],
  condition: [],
  language: [],
  market_region: [],
  value_basis: [],
  status: [],
  location: "",
  priced: null,
  stale: null,
  tag: "",
  vendor: null,
  release_date_after: "",
  release_date_before: "",
  purchase_date_after: "",
  purchase_date_before: "",
};

const MULTI_KEYS = ["category", "condition", "language", "market_region", "value_basis", "status"] as const;
const BOOLEAN_KEYS = ["priced", "stale"] as const;
const DATE_KEYS = [
  "release_date_after",
  "release_date_before",
  "purchase_date_after",
  "purchase_date_before",
] as const;

function oneOf<T extends string>(choices: Choice<T>[], values: string[]): T[] {
  const allowed = new Set<string>(choices.map((c) => c.value));
  const picked: T[] = [];
  for (const value of values) {
    if (allowed.has(value) && !picked.includes(value as T)) picked.push(value as T);
  }
  return picked;
}

function booleanParam(raw: string | null): boolean | null {
  return raw === "true" ? true : raw === "false" ? false : null;
}

function positiveInt(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 ? value : null;
}

/**
 * Reads the list state from URL search params. Anything malformed (hand-edited or stale
 * links) is dropped rather than sent to the API, which would answer 400.
 */
export function parseFilters(params: URLSearchParams): CollectibleFilters {
  const pageSize = positiveInt(params.get("page_size"));
  const ordering = params.get("ordering");
  const dates = Object.fromEntries(
    DATE_KEYS.map((key) => {
      const value = params.get(key) ?? "";
      return [key, isIsoDate(value) ? value : ""];
    }),
  ) as Pick<CollectibleFilters, (typeof DATE_KEYS)[number]>;
  return {
    page: positiveInt(params.get("page")) ?? 1,
    page_size: pageSize && isPageSize(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    ordering: ORDERINGS.some((o) => o.value === ordering) ? (ordering as Ordering) : DEFAULT_ORDERING,
    category: oneOf(CATEGORIES, params.getAll("category")),
    condition: oneOf(CONDITIONS, params.getAll("condition")),
    language: oneOf(LANGUAGES, params.getAll("language")),
    market_region: oneOf(MARKET_REGIONS, params.getAll("market_region")),
    value_basis: oneOf(VALUE_BASES, params.getAll("value_basis")),
    status: oneOf(STATUSES, params.getAll("status")),
    location: (params.get("location") ?? "").trim(),
    priced: booleanParam(params.get("priced")),
    stale: booleanParam(params.get("stale")),
    tag: (params.get("tag") ?? "").trim(),
    vendor: positiveInt(params.get("vendor")),
    ...dates,
  };
}

/** Writes the list state as search params, omitting defaults so URLs stay short. */
export function filtersToSearchParams(filters: CollectibleFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.vendor !== null) params.set("vendor", String(filters.vendor));
  for (const key of MULTI_KEYS) for (const value of filters[key]) params.append(key, value);
  for (const key of BOOLEAN_KEYS) if (filters[key] !== null) params.set(key, String(filters[key]));
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.location) params.set("location", filters.location);
  for (const key of DATE_KEYS) if (filters[key]) params.set(key, filters[key]);
  if (filters.ordering !== DEFAULT_ORDERING) params.set("ordering", filters.ordering);
  if (filters.page_size !== DEFAULT_PAGE_SIZE) params.set("page_size", String(filters.page_size));
  if (filters.page !== 1) params.set("page", String(filters.page));
  return params;
}

/** The API query for the list endpoint (only non-empty parameters). */
export function filtersToQuery(filters: CollectibleFilters): CollectibleListQuery {
  const query: CollectibleListQuery = {
    page: filters.page,
    page_size: filters.page_size,
    ordering: [filters.ordering],
  };
  for (const key of MULTI_KEYS) if (filters[key].length > 0) Object.assign(query, { [key]: filters[key] });
  for (const key of BOOLEAN_KEYS) if (filters[key] !== null) query[key] = filters[key] ? "true" : "false";
  if (filters.tag) query.tag = filters.tag;
  if (filters.location) query.location = filters.location;
  if (filters.vendor !== null) query.vendor = filters.vendor;
  for (const key of DATE_KEYS) if (filters[key]) query[key] = filters[key];
  return query;
}

/** How many filters narrow the list (vendor, sort and paging excluded). */
export function countActiveFilters(filters: CollectibleFilters): number {
  return (
    MULTI_KEYS.reduce((sum, key) => sum + filters[key].length, 0) +
    BOOLEAN_KEYS.filter((key) => filters[key] !== null).length +
    (filters.tag ? 1 : 0) +
    (filters.location ? 1 : 0) +
    DATE_KEYS.filter((key) => filters[key]).length
  );
}

/**
 * The filters alone, as the API reads them (no page, size or sort): what "select all
 * matching" and the export send, and what a selection belongs to.
 */
export function filtersOnlyQuery(filters: CollectibleFilters): CollectibleListQuery {
  const { page: _page, page_size: _size, ordering: _ordering, ...rest } = filtersToQuery(filters);
  return rest;
}

/** Keeps vendor, sort and page size; clears every narrowing filter. */
export function clearedFilters(filters: CollectibleFilters): CollectibleFilters {
  return {
    ...DEFAULT_FILTERS,
    vendor: filters.vendor,
    ordering: filters.ordering,
    page_size: filters.page_size,
  };
}
