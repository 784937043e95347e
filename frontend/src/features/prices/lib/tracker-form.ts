import { i18n } from "@/i18n";
import { decimalInput, readDecimal } from "@/lib/money";
import { z } from "@/lib/zod";

import type { PatchedTrackerRequest, PriceCondition, Tracker, TrackerRequest, TrackerSource } from "@/lib/api/types";

import { PRICE_CONDITIONS, TRACKER_SOURCES } from "./labels";

/** The API refuses checks more often than hourly and less often than every 30 days. */
export const MIN_INTERVAL_HOURS = 1;
export const MAX_INTERVAL_HOURS = 30 * 24;
export const DEFAULT_INTERVAL_HOURS = 24;

const sources = [...TRACKER_SOURCES] as [TrackerSource, ...TrackerSource[]];
const conditions = [...PRICE_CONDITIONS] as [PriceCondition, ...PriceCondition[]];

// zod messages are functions: in the app's language when a form is checked, not when this loads.
const maxLength = (count: number) => ({ error: () => i18n.t("prices:formErrors.maxLength", { count }) });

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Readable hours: the range checks only speak about a number they could read. */
const isHours = (v: string) => readDecimal(v, 2) !== null;

export const trackerFormSchema = z
  .object({
    // "" = automatic: the API chooses the source from the page's address (new trackers).
    source: z.union([z.enum(sources), z.literal("")]),
    url: z
      .string()
      .trim()
      .min(1, { error: () => i18n.t("prices:formErrors.urlRequired") })
      .max(2000, maxLength(2000))
      .refine(isWebAddress, { error: () => i18n.t("prices:formErrors.urlInvalid") }),
    selector: z.string().trim().max(500, maxLength(500)),
    attribute: z.string().trim().max(100, maxLength(100)),
    condition: z.union([z.enum(conditions), z.literal("")]),
    currency: z
      .string()
      .trim()
      .refine((v) => v === "" || /^[A-Za-z]{3}$/.test(v), { error: () => i18n.t("prices:formErrors.currency") }),
    // Hours as the locale writes them ("1,5" in German): lib/money reads them.
    interval_hours: z
      .string()
      .trim()
      .refine((v) => readDecimal(v, 2) !== null, { error: () => i18n.t("prices:formErrors.hours") })
      .refine((v) => !isHours(v) || Number(readDecimal(v, 2)) >= MIN_INTERVAL_HOURS, {
        error: () => i18n.t("prices:formErrors.minHours", { count: MIN_INTERVAL_HOURS }),
      })
      .refine((v) => !isHours(v) || Number(readDecimal(v, 2)) <= MAX_INTERVAL_HOURS, {
        error: () => i18n.t("prices:formErrors.maxHours", { count: MAX_INTERVAL_HOURS, days: MAX_INTERVAL_HOURS / 24 }),
      }),
  })
  .superRefine((v, ctx) => {
    if (v.source === "css" && !v.selector) {
      ctx.addIssue({ code: "custom", path: ["selector"], message: i18n.t("prices:formErrors.selectorRequired") });
    }
  });

export type TrackerFormValues = z.infer<typeof trackerFormSchema>;

export function emptyTrackerValues(condition: string | null | undefined): TrackerFormValues {
  const known = PRICE_CONDITIONS.some((c) => c === condition);
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
    interval_hours: decimalInput(Math.round(((tracker.interval_minutes ?? 24 * 60) / 60) * 100) / 100),
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
    interval_minutes: Math.round(Number(readDecimal(values.interval_hours, 2)) * 60),
  };
}

/** The server names `interval_minutes`; the form shows hours. */
export function trackerServerField(name: string): string | undefined {
  return name === "interval_minutes" ? "interval_hours" : undefined;
}
