import { formatLocale } from "@/i18n/languages";
import type { Collectible } from "@/lib/api/types";
import { formatMoney } from "@/lib/utils";

import type { CollectiblesT } from "./list-options";

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

/** "+€12.50 (+8.3%)", "−$3.00"; written the app's language's way ("+8,3 %" in German). */
export function formatGain(gain: Gain, currency: string, locale: string = formatLocale()): string {
  const money = `${SIGN[gain.tone]}${formatMoney(Math.abs(gain.amount), currency, locale)}`;
  if (gain.percent === null) return money;
  const percent = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(gain.percent) / 100);
  return `${money} (${SIGN[gain.tone]}${percent})`;
}

/** Where the list's value comes from, in one or two words: "Market", "Paid". */
export function basisShort(basis: Valuation["basis"], t: CollectiblesT): string {
  return t(`value.basis.${basis}`);
}

/** How old the price behind a value is: "today", "3 days old" ("" when unknown). */
export function ageLabel(days: number | null, t: CollectiblesT): string {
  if (days === null) return "";
  if (days === 0) return t("value.today");
  return t("value.age", { count: days });
}

/** "Base Set · #4": the line under an item's name. */
export function subtitle(item: Collectible): string {
  return [item.set_name, item.number ? `#${item.number}` : ""].filter(Boolean).join(" · ");
}
