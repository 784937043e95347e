import type { SavedView } from "@/lib/api/types";

/** A saved view's query: the list's URL parameters (a list for a repeatable one). */
export type ViewQuery = Record<string, string | string[]>;

/** Where the reader is on the list, not what it shows: never saved. */
const NOT_SAVED = new Set(["page", "page_size", "cursor"]);
/** Parameters the list repeats (`?category=a&category=b`): stored as lists. */
const REPEATABLE = new Set(["category", "condition", "language", "market_region", "value_basis", "status"]);

/** The view query of the list's URL (the URL's names are the API's parameters). */
export function queryFromSearchParams(params: URLSearchParams): ViewQuery {
  const query: ViewQuery = {};
  for (const key of new Set(params.keys())) {
    if (NOT_SAVED.has(key)) continue;
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length === 0) continue;
    query[key] = REPEATABLE.has(key) || values.length > 1 ? values : (values[0] ?? "");
  }
  return query;
}

/** The list URL's search string (without `?`) of a saved query. */
export function searchFromQuery(query: ViewQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return params.toString();
}

/** A stored query as the API returns it (`unknown` in the schema), checked. */
export function viewQueryOf(view: Pick<SavedView, "query">): ViewQuery {
  const raw = view.query;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const query: ViewQuery = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === "string") query[key] = value;
    else if (Array.isArray(value)) query[key] = value.filter((v): v is string => typeof v === "string");
  }
  return query;
}

function canonical(query: ViewQuery): string {
  const entries = Object.entries(query)
    .map(([key, value]) => [key, Array.isArray(value) ? [...value].sort() : [value]] as const)
    .filter(([, values]) => values.length > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

/** Whether two queries select the same list (order of keys and of repeated values aside). */
export function sameQuery(a: ViewQuery, b: ViewQuery): boolean {
  return canonical(a) === canonical(b);
}

/** The saved view the list's current URL shows, if any. */
export function matchingView<T extends Pick<SavedView, "query">>(views: T[], params: URLSearchParams): T | undefined {
  const current = queryFromSearchParams(params);
  return views.find((view) => sameQuery(viewQueryOf(view), current));
}
