import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Collectible } from "@/lib/api/types";
import { cn, formatDate, formatMoney } from "@/lib/utils";

import { formatChange } from "../lib/format";
import { PRICE_CONDITIONS, PRICE_SOURCE_LABELS } from "../lib/labels";

type Valuation = NonNullable<Collectible["valuation"]>;

function conditionName(condition: string): string {
  return PRICE_CONDITIONS.find((c) => c.value === condition)?.label ?? "any condition";
}

function ageText(days: number | null): string {
  if (days === null) return "";
  if (days === 0) return "today";
  return days === 1 ? "1 day ago" : `${String(days)} days ago`;
}

/** Where the value comes from, in words (the rules of docs/valuation.md). */
function basisText(valuation: Valuation): string {
  const { price } = valuation;
  switch (valuation.basis) {
    case "observed":
      return price
        ? `Latest ${PRICE_SOURCE_LABELS[price.source]} price for ${price.condition ? conditionName(price.condition) : "any condition"}: ${formatMoney(price.amount, price.currency)}, ${formatDate(price.observed_at)} (${ageText(valuation.age_days)}).`
        : "Latest marketplace price.";
    case "manual":
      return price
        ? `Your manual price of ${formatMoney(price.amount, price.currency)}, entered for ${formatDate(price.observed_at)} (${ageText(valuation.age_days)}).`
        : "Your manual price.";
    case "purchase":
      return "No marketplace price matches its condition yet: valued at what you paid.";
    case "none":
      return "No price yet: add a purchase price, a manual price or a price tracker.";
    case "sold":
      return valuation.proceeds !== null
        ? `Sold for ${formatMoney(valuation.proceeds, valuation.currency)} after fees: it no longer counts in your collection's value.`
        : "Sold: it no longer counts in your collection's value.";
    case "wanted":
      return "On your want list: it counts in your collection's value once you buy it.";
  }
}

/**
 * Purchase vs current value, as the server values the item (the same figures as the
 * dashboard): the basis in words, the age of the price and whether it is stale.
 */
export function ValueCard({ item }: { item: Collectible }) {
  const valuation = item.valuation;
  const quantity = item.quantity ?? 1;
  const value = valuation?.value ?? null;
  const cost = valuation?.cost ?? null;
  const currency = valuation?.currency ?? item.purchase_currency ?? "";
  const gain = value !== null && cost !== null ? Number(value) - Number(cost) : null;
  const gainPercent = gain !== null && Number(cost) > 0 ? ((gain / Number(cost)) * 100).toFixed(2) : null;

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Value</CardTitle>
        <CardDescription>
          What it is worth now{quantity > 1 ? ` (${String(quantity)} units)` : ""}, in {currency || "your currency"}.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-3">
          <div>
            <dt className="text-xs text-muted-foreground">Current value</dt>
            <dd className="flex flex-wrap items-center gap-2 text-lg font-semibold tabular-nums" data-testid="current-value">
              {value !== null ? formatMoney(value, currency) : "No value yet"}
              {valuation?.is_stale ? <Badge variant="outline">Stale</Badge> : null}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Paid in all</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {cost !== null
                ? formatMoney(cost, currency)
                : item.purchase_price
                  ? formatMoney(Number(item.purchase_price) * quantity, item.purchase_currency)
                  : "Not recorded"}
            </dd>
          </div>
        </dl>
        {gain !== null && valuation?.basis !== "purchase" ? (
          <p className={cn("text-sm font-medium tabular-nums", gain > 0 && "text-success", gain < 0 && "text-destructive")}>
            {formatChange(gain, gainPercent, currency)} <span className="font-normal text-muted-foreground">since purchase</span>
          </p>
        ) : null}
        {valuation && quantity > 1 && valuation.unit_value !== null ? (
          <p className="text-sm text-muted-foreground tabular-nums">
            {quantity} × {formatMoney(valuation.unit_value, currency)}
          </p>
        ) : null}
        {valuation ? <p className="text-xs text-muted-foreground">{basisText(valuation)}</p> : null}
        {valuation?.unconvertible ? (
          <p className="text-xs text-destructive">No exchange rate into {currency} for that day: the value is unknown rather than wrong.</p>
        ) : null}
        {valuation?.is_stale ? (
          <p className="text-xs text-muted-foreground">This price is stale: refresh prices below or add a tracker.</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
