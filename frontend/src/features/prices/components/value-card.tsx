import { useTranslation } from "react-i18next";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Collectible } from "@/lib/api/types";
import { cn, formatDate, formatMoney } from "@/lib/utils";

import { formatChange } from "../lib/format";
import { conditionLabel, sourceLabel, type PricesT } from "../lib/labels";

type Valuation = NonNullable<Collectible["valuation"]>;

function ageText(days: number | null, t: PricesT): string {
  if (days === null) return "";
  if (days === 0) return t("value.age.today");
  return t("value.age.days", { count: days });
}

/** Where the value comes from, in words (the rules of docs/valuation.md). */
function basisText(valuation: Valuation, t: PricesT): string {
  const { price } = valuation;
  const dated = price
    ? { amount: formatMoney(price.amount, price.currency), date: formatDate(price.observed_at), age: ageText(valuation.age_days, t) }
    : null;
  switch (valuation.basis) {
    case "observed":
      return price && dated
        ? t("value.basis.observed", { ...dated, source: sourceLabel(price.source, t), condition: conditionLabel(price.condition, t) })
        : t("value.basis.observedUnknown");
    case "manual":
      return dated ? t("value.basis.manual", dated) : t("value.basis.manualUnknown");
    case "purchase":
      return t("value.basis.purchase");
    case "none":
      return t("value.basis.none");
    case "sold":
      return valuation.proceeds !== null
        ? t("value.basis.sold", { amount: formatMoney(valuation.proceeds, valuation.currency) })
        : t("value.basis.soldUnknown");
    case "wanted":
      return t("value.basis.wanted");
  }
}

/**
 * Purchase vs current value, as the server values the item (the same figures as the
 * dashboard): the basis in words, the age of the price and whether it is stale.
 */
export function ValueCard({ item }: { item: Collectible }) {
  const { t } = useTranslation("prices");
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
        <CardTitle className="text-base">{t("value.title")}</CardTitle>
        <CardDescription>
          {quantity > 1
            ? t("value.descriptionUnits", { count: quantity, currency: currency || t("value.yourCurrency") })
            : t("value.description", { currency: currency || t("value.yourCurrency") })}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-3">
          <div>
            <dt className="text-xs text-muted-foreground">{t("value.current")}</dt>
            <dd className="flex flex-wrap items-center gap-2 text-lg font-semibold tabular-nums" data-testid="current-value">
              {value !== null ? formatMoney(value, currency) : t("value.noValue")}
              {valuation?.is_stale ? <Badge variant="outline">{t("value.stale")}</Badge> : null}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t("value.paid")}</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {cost !== null
                ? formatMoney(cost, currency)
                : item.purchase_price
                  ? formatMoney(Number(item.purchase_price) * quantity, item.purchase_currency)
                  : t("value.notRecorded")}
            </dd>
          </div>
        </dl>
        {gain !== null && valuation?.basis !== "purchase" ? (
          <p className={cn("text-sm font-medium tabular-nums", gain > 0 && "text-success", gain < 0 && "text-destructive")}>
            {formatChange(gain, gainPercent, currency)} <span className="font-normal text-muted-foreground">{t("value.sincePurchase")}</span>
          </p>
        ) : null}
        {valuation && quantity > 1 && valuation.unit_value !== null ? (
          <p className="text-sm text-muted-foreground tabular-nums">
            {t("value.units", { quantity, price: formatMoney(valuation.unit_value, currency) })}
          </p>
        ) : null}
        {valuation ? <p className="text-xs text-muted-foreground">{basisText(valuation, t)}</p> : null}
        {valuation?.unconvertible ? (
          <p className="text-xs text-destructive">{t("value.noRate", { currency })}</p>
        ) : null}
        {valuation?.is_stale ? (
          <p className="text-xs text-muted-foreground">{t("value.staleHint")}</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
