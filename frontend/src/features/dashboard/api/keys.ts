import type { ValueRange } from "@/lib/api/types";

/** `vendor` null = the API's default (your personal collection). */
export const dashboardKeys = {
  all: ["dashboard"] as const,
  summary: (vendor: number | null) => [...dashboardKeys.all, "summary", vendor] as const,
  history: (vendor: number | null, range: ValueRange) => [...dashboardKeys.all, "history", vendor, range] as const,
};
