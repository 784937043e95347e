import type { FeatureNamespace } from "@/i18n";

/**
 * The namespaces beyond the first screens' that each lazy route shows, by its module in
 * `routes/`: the router fetches them together with the module (`withTexts`), so a screen
 * waits for its own texts only (the collection list: 2 of the 6). A route absent here
 * shows bundled texts only. `route-texts.test.ts` checks every list against the namespaces
 * the route's code uses, through its imports, static and lazy.
 */
export const ROUTE_TEXTS = {
  alerts: ["alerts"],
  "collectible-detail": ["collectibles", "prices", "photos"],
  "collectible-edit": ["collectibles"],
  "collectible-new": ["collectibles"],
  "collection-list": ["collectibles", "prices"],
  dashboard: ["dashboard"],
  import: ["imports"],
  "notification-settings": ["marketplaceKeys"],
  "want-list": ["collectibles", "prices"],
  "want-new": ["collectibles", "alerts"],
} as const satisfies Record<string, readonly FeatureNamespace[]>;

export type RouteWithTexts = keyof typeof ROUTE_TEXTS;
