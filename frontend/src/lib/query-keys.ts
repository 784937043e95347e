import type { CollectibleListQuery, ValueRange } from "@/lib/api/types";

// The query keys of data that other features' mutations must invalidate: an item's value
// shows in its page, the list rows and the dashboard, and changes with a new price (prices)
// or an edited condition or quantity (collectibles). Keys no other feature needs stay in
// features/<feature>/api/keys.ts.

export const collectibleKeys = {
  all: ["collectibles"] as const,
  lists: () => [...collectibleKeys.all, "list"] as const,
  list: (query: CollectibleListQuery) => [...collectibleKeys.lists(), query] as const,
  details: () => [...collectibleKeys.all, "detail"] as const,
  detail: (id: number) => [...collectibleKeys.details(), id] as const,
};

/**
 * Saved views carry their item count and value: they hang under the collectible lists, so
 * whatever reloads the list rows (an item added, edited, priced, deleted) recounts them.
 */
export const savedViewKeys = {
  all: [...collectibleKeys.lists(), "saved-views"] as const,
};

/** `vendor` null = the API's default (your personal collection). */
export const dashboardKeys = {
  all: ["dashboard"] as const,
  summary: (vendor: number | null) => [...dashboardKeys.all, "summary", vendor] as const,
  history: (vendor: number | null, range: ValueRange) => [...dashboardKeys.all, "history", vendor, range] as const,
};

/**
 * A want list's seller bundles hang under the collectible lists: whatever reloads the list
 * rows (new prices, an edited maximum price, an acquired want) changes the bundles too.
 * `vendor` null = every vendor of yours.
 */
export const wantBundleKeys = {
  all: [...collectibleKeys.lists(), "want-bundles"] as const,
  list: (vendor: number | null) => [...wantBundleKeys.all, vendor] as const,
};
