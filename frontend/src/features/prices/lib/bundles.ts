import type { WantBundle, WantBundleItem } from "@/lib/api/types";
import { formatMoney } from "@/lib/utils";

import type { PricesT } from "./labels";

/** "3 of your wants from one seller, €41.50 total". */
export function bundleHeadline(bundle: Pick<WantBundle, "item_count" | "total" | "currency">, t: PricesT): string {
  return t("bundles.headline", { count: bundle.item_count, total: formatMoney(bundle.total, bundle.currency) });
}

/** What shipping one by one would add up to, when every offer states it; else null. */
export function shippingNote(bundle: Pick<WantBundle, "shipping_separately" | "currency">, t: PricesT): string | null {
  if (bundle.shipping_separately === null) return null;
  if (Number(bundle.shipping_separately) === 0) return t("bundles.freeShipping");
  return t("bundles.shippingSeparately", { amount: formatMoney(bundle.shipping_separately, bundle.currency) });
}

/** Items the bundle counts but does not list (the API lists at most 100 per bundle). */
export function unlistedItems(bundle: Pick<WantBundle, "item_count" | "items">): number {
  return Math.max(bundle.item_count - bundle.items.length, 0);
}

/** The offer's page, only as an http(s) link (a page's URL is outside data). */
export function offerLink(item: Pick<WantBundleItem, "url">): string | null {
  return /^https?:\/\//i.test(item.url) ? item.url : null;
}

/** The offer's price as offered, with the bundle-currency amount when they differ. */
export function offerPrice(item: Pick<WantBundleItem, "price" | "currency" | "converted_price">, currency: string): string {
  const own = formatMoney(item.price, item.currency);
  return item.currency === currency ? own : `${own} (≈ ${formatMoney(item.converted_price, currency)})`;
}
