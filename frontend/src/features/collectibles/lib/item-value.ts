import type { Collectible } from "@/lib/api/types";
import { formatMoney } from "@/lib/utils";

export type Valuation = NonNullable<Collectible["valuation"]>;
export type Tone = "up" | "down" | "flat";

export interface Gain {
  amount: number;
  /** Percent of the cost, or null when the cost is zero. */
  percent: number | null;
  tone: Tone;
}

/**
 * Value minus cost, both from the server's valuation (in the vendor's currency). None when
 * either is unknown, and none for items valued at their purchase price: that "gain" would
 * always be zero and say nothing.
 */
export function gainOf(valuation: Valuation | null | undefined): Gain | null {
  if (!valuation || valuation.cost === null || valuation.basis === "purchase") return null;
  // A sold item's gain is realised: what it sold for (less fees) minus what it cost.
  const realised = valuation.basis === "sold";
  if (realised ? valuation.realised_gain === null : valuation.value === null) return null;
  const cost = Number(valuation.cost);
  const amount = realised ? Number(valuation.realised_gain) : Number(valuation.value) - cost;
  return {
    amount,
    percent: cost > 0 ? (amount / cost) * 100 : null,
    tone: amount > 0 ? "up" : amount < 0 ? "down" : "flat",
  };
}

const SIGN: Record<Tone, string> = { up: "+", down: "−", flat: "±" };

/** "+€12.50 (+8.3%)", "−$3.00". */
export function formatGain(gain: Gain, currency: string): string {
  const money = `${SIGN[gain.tone]}${formatMoney(Math.abs(gain.amount), currency)}`;
  return gain.percent === null ? money : `${money} (${SIGN[gain.tone]}${Math.abs(gain.percent).toFixed(1)}%)`;
}

/** Where the list's value comes from, in one or two words. */
export const BASIS_SHORT: Record<Valuation["basis"], string> = {
  observed: "Market",
  manual: "Manual",
  purchase: "Paid",
  none: "No price",
  sold: "Sold",
  wanted: "Wanted",
};

export function ageLabel(days: number | null): string {
  if (days === null) return "";
  if (days === 0) return "today";
  return days === 1 ? "1 day old" : `${String(days)} days old`;
}

/** "Base Set · #4": the line under an item's name. */
export function subtitle(item: Collectible): string {
  return [item.set_name, item.number ? `#${item.number}` : ""].filter(Boolean).join(" · ");
}
