import type { PriceCondition, PriceSource, TrackerSource, TrackerStatus } from "@/lib/api/types";
import type { Choice } from "@/lib/choices";

// Labels mirror the backend's choices (price_history/models.py).
export const TRACKER_SOURCES: (Choice<TrackerSource> & { description: string })[] = [
  {
    value: "structured",
    label: "Shop page (structured)",
    description: "A shop's product page that publishes its price as structured data (schema.org).",
  },
  { value: "css", label: "CSS selector", description: "Any page: you say where the price is with a CSS selector." },
  { value: "pricecharting", label: "PriceCharting", description: "A PriceCharting product page (prices per condition)." },
  {
    value: "ebay",
    label: "eBay",
    description: "An eBay item page, or a search of sold listings (each sale is recorded at its date, with its grade).",
  },
  {
    value: "cardmarket",
    label: "Cardmarket",
    description: "A Cardmarket card page: its price trend and the cheapest offer per condition, in the card's language and finish.",
  },
  {
    value: "discogs",
    label: "Discogs",
    description: "A Discogs release page, read through the Discogs API with your personal access token: the cheapest copy for sale and a suggested price per media condition.",
  },
  {
    value: "ebay_api",
    label: "eBay Browse API",
    description: "An eBay item page, read through the eBay Browse API with your own application keys (price, shipping, condition, seller).",
  },
];

export const PRICE_SOURCE_LABELS: Record<PriceSource, string> = {
  structured: "Shop page",
  css: "CSS selector",
  pricecharting: "PriceCharting",
  ebay: "eBay",
  cardmarket: "Cardmarket",
  discogs: "Discogs",
  ebay_api: "eBay Browse API",
  manual: "Entered by hand",
};

export const PRICE_CONDITIONS: Choice<PriceCondition>[] = [
  { value: "sealed", label: "Sealed" },
  { value: "mint", label: "Mint" },
  { value: "near_mint", label: "Near mint" },
  { value: "excellent", label: "Excellent" },
  { value: "good", label: "Good" },
  { value: "played", label: "Played" },
  { value: "poor", label: "Poor" },
  { value: "loose", label: "Loose" },
  { value: "cib", label: "Complete in box" },
  { value: "new", label: "New / sealed" },
  { value: "graded", label: "Graded" },
  { value: "ungraded", label: "Ungraded" },
  { value: "grade_7", label: "Grade 7" },
  { value: "grade_8", label: "Grade 8" },
  { value: "grade_9", label: "Grade 9" },
  { value: "grade_9_5", label: "Grade 9.5" },
  { value: "psa_10", label: "PSA 10" },
  { value: "bgs_10", label: "BGS 10" },
  { value: "cgc_10", label: "CGC 10" },
  { value: "sgc_10", label: "SGC 10" },
];

/** The conditions a source's pages have, where it is a fixed set (PriceCharting's price
 * columns, scraper/sources/pricecharting.py: games, then cards). Others: any. */
export const SOURCE_CONDITIONS: Partial<Record<TrackerSource, readonly PriceCondition[]>> = {
  pricecharting: ["loose", "cib", "new", "graded", "ungraded", "grade_7", "grade_8", "grade_9", "grade_9_5", "psa_10"],
};

/** The source "Automatic" will pick for an address, where it matters for the conditions
 * offered (the backend decides: `gateway.source_for`). */
export function sourceOfAddress(url: string): TrackerSource | "" {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === "pricecharting.com" || host.endsWith(".pricecharting.com") ? "pricecharting" : "";
  } catch {
    return "";
  }
}

const CARD_GRADES: readonly string[] = ["mint", "near_mint", "excellent", "good", "played", "poor"];

/** The conditions to offer for `source` ("" = automatic: every condition). */
export function conditionsFor(source: string): Choice<PriceCondition>[] {
  const allowed = SOURCE_CONDITIONS[source as TrackerSource];
  return allowed ? PRICE_CONDITIONS.filter((c) => allowed.includes(c.value)) : PRICE_CONDITIONS;
}

/**
 * The condition a new tracker of `source` starts with: the item's own when the source's
 * pages have it; on PriceCharting, the column that stands for it (an ungraded card for a
 * raw card's grade, "New" for a sealed item, else a loose game).
 */
export function startingCondition(source: string, itemCondition: string | null | undefined): PriceCondition | "" {
  const allowed = SOURCE_CONDITIONS[source as TrackerSource];
  const known = PRICE_CONDITIONS.find((c) => c.value === itemCondition)?.value;
  if (!allowed) return known ?? "";
  if (known && allowed.includes(known)) return known;
  if (itemCondition && CARD_GRADES.includes(itemCondition)) return "ungraded";
  if (itemCondition === "sealed") return "new";
  return allowed[0] ?? "";
}

/** A code this app has no label for yet ("grade_6"), in words ("Grade 6"): never the code. */
export function humanize(code: string): string {
  const words = code.replace(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : code;
}

export function conditionLabel(condition: string | null | undefined): string {
  if (!condition) return "any condition";
  return PRICE_CONDITIONS.find((c) => c.value === condition)?.label ?? humanize(condition);
}

export function sourceLabel(source: string): string {
  return (PRICE_SOURCE_LABELS as Record<string, string | undefined>)[source] ?? humanize(source);
}

/** "PriceCharting · Loose" — how a series is named in legends, tooltips and summaries. */
export function seriesLabel(series: { source: string; condition: string }): string {
  return `${sourceLabel(series.source)} · ${conditionLabel(series.condition)}`;
}

export const TRACKER_STATUS: Record<TrackerStatus, { label: string; description: string }> = {
  new: { label: "New", description: "Not checked yet." },
  ok: { label: "OK", description: "The last check found a price." },
  failing: { label: "Failing", description: "The last check failed; it is retried with a growing delay." },
  paused: { label: "Paused", description: "No checks until resumed." },
};

/** Failure kinds from the scraper (scraper/types.py FailureKind), in words. */
const FAILURE_SENTENCES: Record<string, string> = {
  robots_disallowed: "The site does not allow automated checks of this page (robots.txt).",
  forbidden_address: "This address points to a private or local network, so it cannot be checked.",
  http_error: "The site answered with an error instead of the page (e.g. not found or a server error).",
  rate_limited: "The site asked us to slow down; the check will be retried later.",
  timeout: "The site took too long to answer.",
  too_large: "The page is too large to check.",
  not_html: "The address is not a web page (the site sent another kind of file).",
  no_price_found: "No price was found on the page.",
  ambiguous_prices: "The page shows several different prices and it is unclear which is this item's. A CSS selector can pick the right one.",
  out_of_stock: "The item is out of stock, so there is no price to record.",
  selector_not_found: "The CSS selector matched nothing on the page.",
  internal_error: "Something went wrong on our side while checking this page.",
};

export function failureSentence(kind: string | null | undefined): string {
  if (!kind) return "The check failed.";
  return FAILURE_SENTENCES[kind] ?? "The check failed.";
}

/** "every 6 hours", "every day", "every 3 days". */
export function intervalLabel(minutes: number | undefined): string {
  const m = minutes ?? 24 * 60;
  if (m % (24 * 60) === 0) {
    const days = m / (24 * 60);
    return days === 1 ? "every day" : days === 7 ? "every week" : `every ${String(days)} days`;
  }
  if (m % 60 === 0) {
    const hours = m / 60;
    return hours === 1 ? "every hour" : `every ${String(hours)} hours`;
  }
  return `every ${String(m)} minutes`;
}
