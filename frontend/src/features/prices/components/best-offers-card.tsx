import { ExternalLink } from "lucide-react";
import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { Offer } from "@/lib/api/types";
import { formatDateTime, formatMoney } from "@/lib/utils";

import { useBestOffers } from "../api/get-best-offers";
import { conditionLabel, seriesLabel, sourceLabel } from "../lib/labels";

/** "Under your max" / "Over your max" / nothing when there is no max or no rate to compare. */
function MaxPriceBadge({ within }: { within: boolean | null }) {
  const { t } = useTranslation("prices");
  if (within === null) return null;
  return within ? (
    <Badge className="bg-emerald-700 text-white dark:bg-emerald-500 dark:text-emerald-950">{t("offers.underMax")}</Badge>
  ) : (
    <Badge variant="outline">{t("offers.overMax")}</Badge>
  );
}

function OfferRow({ offer }: { offer: Offer }) {
  const { t } = useTranslation("prices");
  const safeUrl = /^https?:\/\//.test(offer.url) ? offer.url : null;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 border-b py-2 last:border-b-0">
      <div className="grid gap-0.5">
        <span className="text-sm font-medium">{seriesLabel(offer, t)}</span>
        <span className="text-xs text-muted-foreground">{t("offers.seen", { when: formatDateTime(offer.observed_at) })}</span>
      </div>
      <div className="flex items-center gap-2">
        <span className="text-sm font-semibold tabular-nums">{formatMoney(offer.price, offer.currency)}</span>
        {offer.compared_price && offer.compared_currency !== offer.currency ? (
          <span className="text-xs text-muted-foreground">
            {t("offers.converted", { price: formatMoney(offer.compared_price, offer.compared_currency) })}
          </span>
        ) : null}
        <MaxPriceBadge within={offer.within_max_price} />
        {safeUrl ? (
          <a href={safeUrl} target="_blank" rel="noreferrer noopener" aria-label={t("offers.open", { source: sourceLabel(offer.source, t) })} className="text-muted-foreground hover:text-foreground">
            <ExternalLink aria-hidden className="size-4" />
          </a>
        ) : null}
      </div>
    </li>
  );
}

/** Per source, the lowest current price that meets the wanted condition. */
export function BestOffersCard({ collectibleId }: { collectibleId: number }) {
  const { t } = useTranslation("prices");
  const offers = useBestOffers(collectibleId);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{t("offers.title")}</CardTitle>
        <CardDescription>
          {offers.data && offers.data.conditions.length > 0
            ? t("offers.descriptionConditions", { conditions: offers.data.conditions.map((c) => conditionLabel(c, t)).join(", ") })
            : t("offers.description")}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {offers.isPending ? (
          <Skeleton className="h-16" />
        ) : offers.isError ? (
          <ErrorState error={offers.error} onRetry={() => void offers.refetch()} title={t("offers.loadError")} />
        ) : offers.data.results.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("offers.empty")}</p>
        ) : (
          <ul aria-label={t("offers.listLabel")}>
            {offers.data.results.map((offer) => (
              <OfferRow key={`${offer.source}-${String(offer.tracker)}`} offer={offer} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** A wanted item's best offer now, in one line (the want list's rows: the list's own
 * `best_offer`, so a page of wants needs no request per row). */
export function BestOfferSummary({ offer }: { offer: Offer | null }) {
  const { t } = useTranslation("prices");
  if (!offer) return <span className="text-muted-foreground">{t("offers.none")}</span>;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="tabular-nums">{formatMoney(offer.price, offer.currency)}</span>
      <span className="text-xs text-muted-foreground">{sourceLabel(offer.source, t)}</span>
      <MaxPriceBadge within={offer.within_max_price} />
    </span>
  );
}
