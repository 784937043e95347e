import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { Collectible } from "@/lib/api/types";
import { cn, formatDate, formatMoney } from "@/lib/utils";

import { usePriceSeries } from "../api/get-price-series";
import { formatChange } from "../lib/format";
import { conditionLabel, seriesLabel } from "../lib/labels";
import { rangeQuery } from "../lib/ranges";
import { currentValueSeries } from "../lib/series";

/**
 * Purchase vs current value. "Current" is the latest price in the item's own condition
 * when a series has one, else the latest price of any series — and the card says which.
 */
export function ValueCard({ item }: { item: Collectible }) {
  const prices = usePriceSeries(item.id, rangeQuery("ALL"));
  const quantity = item.quantity ?? 1;
  const paid = item.purchase_price ? Number(item.purchase_price) : null;
  const current = prices.data ? currentValueSeries(prices.data.series, item.condition) : null;
  const latest = current?.series.summary.latest ?? null;
  const currency = current?.series.currency ?? "";
  const sameCurrency = !item.purchase_currency || item.purchase_currency.toUpperCase() === currency.toUpperCase();
  const difference = paid !== null && latest !== null && sameCurrency ? Number(latest) - paid : null;

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Value</CardTitle>
        <CardDescription>What you paid against the latest observed price{quantity > 1 ? " (per unit)" : ""}.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-3">
          <div>
            <dt className="text-xs text-muted-foreground">Paid</dt>
            <dd className="text-lg font-semibold tabular-nums">{paid !== null ? formatMoney(paid, item.purchase_currency) : "Not recorded"}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Current</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {prices.isPending ? <Skeleton className="mt-1 h-6 w-24" /> : latest !== null ? formatMoney(latest, currency) : "No price yet"}
            </dd>
          </div>
        </dl>
        {difference !== null && paid !== null ? (
          <p className={cn("text-sm font-medium tabular-nums", difference > 0 && "text-success", difference < 0 && "text-destructive")}>
            {formatChange(difference, paid > 0 ? ((difference / paid) * 100).toFixed(2) : null, currency)}{" "}
            <span className="font-normal text-muted-foreground">since purchase</span>
            {quantity > 1 ? (
              <span className="block font-normal text-muted-foreground">
                {quantity} units: {formatMoney(Number(latest) * quantity, currency)} now, {formatMoney(paid * quantity, item.purchase_currency)} paid
              </span>
            ) : null}
          </p>
        ) : null}
        {current && latest !== null && !sameCurrency && paid !== null ? (
          <p className="text-sm text-muted-foreground">
            Bought in {item.purchase_currency}, priced in {currency}: not compared.
          </p>
        ) : null}
        {prices.isError ? <p className="text-sm text-destructive">Could not load the current price.</p> : null}
        {current ? (
          <p className="text-xs text-muted-foreground">
            {current.matchesCondition
              ? `Latest ${seriesLabel(current.series)} price — your item's condition — on ${formatDate(current.series.summary.latest_at)}.`
              : `No price for ${conditionLabel(item.condition)} (your item's condition) yet: latest ${seriesLabel(current.series)} price, on ${formatDate(current.series.summary.latest_at)}.`}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
