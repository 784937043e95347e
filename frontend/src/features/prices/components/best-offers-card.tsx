import { ExternalLink } from "lucide-react";

import { ErrorState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { Offer } from "@/lib/api/types";
import { formatDateTime, formatMoney } from "@/lib/utils";

import { useBestOffers } from "../api/get-best-offers";
import { conditionLabel, sourceLabel } from "../lib/labels";

/** "Under your max" / "Over your max" / nothing when there is no max or no rate to compare. */
function MaxPriceBadge({ within }: { within: boolean | null }) {
  if (within === null) return null;
  return within ? (
    <Badge className="bg-emerald-700 text-white dark:bg-emerald-500 dark:text-emerald-950">Under your max</Badge>
  ) : (
    <Badge variant="outline">Over your max</Badge>
  );
}

function OfferRow({ offer }: { offer: Offer }) {
  const safeUrl = /^https?:\/\//.test(offer.url) ? offer.url : null;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 border-b py-2 last:border-b-0">
      <div className="grid gap-0.5">
        <span className="text-sm font-medium">
          {sourceLabel(offer.source)} · {conditionLabel(offer.condition)}
        </span>
        <span className="text-xs text-muted-foreground">Seen {formatDateTime(offer.observed_at)}</span>
      </div>
      <div className="flex items-center gap-2">
        <span className="text-sm font-semibold tabular-nums">{formatMoney(offer.price, offer.currency)}</span>
        {offer.compared_price && offer.compared_currency !== offer.currency ? (
          <span className="text-xs text-muted-foreground">≈ {formatMoney(offer.compared_price, offer.compared_currency)}</span>
        ) : null}
        <MaxPriceBadge within={offer.within_max_price} />
        {safeUrl ? (
          <a href={safeUrl} target="_blank" rel="noreferrer noopener" aria-label={`Open the ${sourceLabel(offer.source)} offer`} className="text-muted-foreground hover:text-foreground">
            <ExternalLink aria-hidden className="size-4" />
          </a>
        ) : null}
      </div>
    </li>
  );
}

/** Per source, the lowest current price that meets the wanted condition. */
export function BestOffersCard({ collectibleId }: { collectibleId: number }) {
  const offers = useBestOffers(collectibleId);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Best offer now</CardTitle>
        <CardDescription>
          {offers.data && offers.data.conditions.length > 0
            ? `Current prices in ${offers.data.conditions.map(conditionLabel).join(", ")}, per source.`
            : "The lowest current price per source that meets the condition you want."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {offers.isPending ? (
          <Skeleton className="h-16" />
        ) : offers.isError ? (
          <ErrorState error={offers.error} onRetry={() => void offers.refetch()} title="Could not load the offers" />
        ) : offers.data.results.length === 0 ? (
          <p className="text-sm text-muted-foreground">No current offer meets it yet. Add a price tracker to watch the marketplaces.</p>
        ) : (
          <ul aria-label="Best offers">
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
  if (!offer) return <span className="text-muted-foreground">No offer yet</span>;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="tabular-nums">{formatMoney(offer.price, offer.currency)}</span>
      <span className="text-xs text-muted-foreground">{sourceLabel(offer.source)}</span>
      <MaxPriceBadge within={offer.within_max_price} />
    </span>
  );
}
