import { z } from "@/lib/zod";

import type { PatchedTrackerRequest, PriceCondition, Tracker, TrackerRequest, TrackerSource } from "@/lib/api/types";

import { PRICE_CONDITIONS, TRACKER_SOURCES } from "./labels";

/** The API refuses checks more often than hourly and less often than every 30 days. */
export const MIN_INTERVAL_HOURS = 1;
export const MAX_INTERVAL_HOURS = 30 * 24;
export const DEFAULT_INTERVAL_HOURS = 24;

const sources = TRACKER_SOURCES.map((s) => s.value) as [TrackerSource, ...TrackerSource[]];
const conditions = PRICE_CONDITIONS.map((c) => c.value) as [PriceCondition, ...PriceCondition[]];

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export const trackerFormSchema = z
  .object({
    // "" = automatic: the API chooses the source from the page's address (new trackers).
    source: z.union([z.enum(sources), z.literal("")]),
    url: z
      .string()
      .trim()
      .min(1, "Enter the address of the page to watch.")
      .max(2000, "At most 2000 characters.")
      .refine(isWebAddress, "An http or https address, e.g. https://shop.example/item/42."),
    selector: z.string().trim().max(500, "At most 500 characters."),
    attribute: z.string().trim().max(100, "At most 100 characters."),
    condition: z.union([z.enum(conditions), z.literal("")]),
    currency: z.string().trim().refine((v) => v === "" || /^[A-Za-z]{3}$/.test(v), "A 3-letter ISO code, e.g. EUR."),
    interval_hours: z
      .string()
      .trim()
      .refine((v) => /^\d+(\.\d{1,2})?$/.test(v), "A number of hours, e.g. 24.")
      .refine((v) => !/^\d+(\.\d{1,2})?$/.test(v) || Number(v) >= MIN_INTERVAL_HOURS, `At least ${String(MIN_INTERVAL_HOURS)} hour: pages are checked at most hourly.`)
      .refine((v) => !/^\d+(\.\d{1,2})?$/.test(v) || Number(v) <= MAX_INTERVAL_HOURS, `At most ${String(MAX_INTERVAL_HOURS)} hours (30 days).`),
  })
  .superRefine((v, ctx) => {
    if (v.source === "css" && !v.selector) {
      ctx.addIssue({ code: "custom", path: ["selector"], message: "A CSS selector tracker needs the selector of the price, e.g. .price." });
    }
  });

export type TrackerFormValues = z.infer<typeof trackerFormSchema>;

export function emptyTrackerValues(condition: string | null | undefined): TrackerFormValues {
  const known = PRICE_CONDITIONS.some((c) => c.value === condition);
  return {
    source: "",
    url: "",
    selector: "",
    attribute: "",
    condition: known ? (condition as PriceCondition) : "",
    currency: "",
    interval_hours: String(DEFAULT_INTERVAL_HOURS),
  };
}

export function trackerFormValues(tracker: Tracker): TrackerFormValues {
  return {
    source: tracker.source ?? "structured",
    url: tracker.url,
    selector: tracker.selector ?? "",
    attribute: tracker.attribute ?? "",
    condition: tracker.condition ?? "",
    currency: tracker.currency ?? "",
    interval_hours: String(Math.round(((tracker.interval_minutes ?? 24 * 60) / 60) * 100) / 100),
  };
}

/**
 * The request body. Selector and attribute are sent empty for the other sources (the API
 * refuses them there, and switching a tracker away from css must clear them). An
 * automatic source is left out: the API picks it from the address (ebay.com → eBay, …).
 */
export function toTrackerRequest(values: TrackerFormValues): TrackerRequest & PatchedTrackerRequest {
  const css = values.source === "css";
  return {
    ...(values.source ? { source: values.source } : {}),
    url: values.url.trim(),
    selector: css ? values.selector.trim() : "",
    attribute: css ? values.attribute.trim() : "",
    condition: values.condition,
    currency: values.currency.trim().toUpperCase(),
    interval_minutes: Math.round(Number(values.interval_hours) * 60),
  };
}

/** The server names `interval_minutes`; the form shows hours. */
export function trackerServerField(name: string): string | undefined {
  return name === "interval_minutes" ? "interval_hours" : undefined;
}
