import { PackageOpen } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api/errors";
import { GRADERS, conditionLabel, labelOf } from "@/lib/choices";
import { formatDecimal, formatMoney } from "@/lib/utils";

import { type SharedList, useSharedList } from "../api/sharing";

function SharedListSection({ shareKey, list }: { shareKey: string; list: SharedList }) {
  const { t } = useTranslation(["vendors", "common"]);
  const [page, setPage] = useState(1);
  const query = useSharedList(shareKey, list, page);
  // Not shared (or not shared this way): the other list may still be; say nothing either way.
  if (query.isError && isApiError(query.error) && query.error.status === 404) return null;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton className="h-40 w-full" aria-label={t(`shared.loading.${list}`)} />;
  const data = query.data;
  const rows = data.results;
  return (
    <section aria-labelledby={`shared-${list}`} className="grid gap-3">
      <h2 id={`shared-${list}`} className="text-lg font-semibold">
        {t(`shared.titles.${list}`)}{" "}
        <span className="text-sm font-normal text-muted-foreground">{t("shared.count", { total: data.count })}</span>
      </h2>
      {rows.length === 0 ? (
        <EmptyState icon={PackageOpen} title={t("shared.empty")} />
      ) : (
        <ul className="divide-y rounded-lg border">
          {rows.map((row, index) => (
            <li key={`${String(page)}-${String(index)}`} className="flex flex-wrap justify-between gap-2 px-3 py-2 text-sm">
              <span>
                <span className="font-medium">{row.name}</span>
                <span className="text-muted-foreground">
                  {[row.set_name, row.number, row.condition ? conditionLabel(row.condition, t) : null, row.grader ? `${labelOf(GRADERS, row.grader, t)} ${formatDecimal(row.grade)}`.trim() : null]
                    .filter(Boolean)
                    .map((part) => ` · ${String(part)}`)
                    .join("")}
                </span>
              </span>
              <span className="text-muted-foreground">
                {list === "collection" ? `×${String(row.quantity ?? 1)}` : null}
                {data.show_prices && list === "collection" ? ` · ${formatMoney(row.value, row.currency)}` : null}
                {data.show_prices && list === "wants" ? t("shared.upTo", { price: formatMoney(row.max_price, row.max_price_currency) }) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data.previous || data.next ? (
        <div className="flex gap-2">
          <Button variant="outline" size="sm" disabled={!data.previous} onClick={() => setPage(page - 1)}>{t("common:actions.previous")}</Button>
          <Button variant="outline" size="sm" disabled={!data.next} onClick={() => setPage(page + 1)}>{t("common:actions.next")}</Button>
        </div>
      ) : null}
    </section>
  );
}

/** The read-only page a share link or a public profile opens; no sign-in, no app chrome. */
export function SharedPage({ shareKey }: { shareKey: string }) {
  const { t } = useTranslation(["vendors", "common"]);
  const collection = useSharedList(shareKey, "collection", 1);
  const wants = useSharedList(shareKey, "wants", 1);
  const missing = (q: typeof collection) => q.isError && isApiError(q.error) && q.error.status === 404;
  const name = collection.data?.name ?? wants.data?.name;
  return (
    <div className="grid gap-6">
      <title>{name ? t("shared.pageTitle", { name }) : t("shared.defaultPageTitle")}</title>
      <h1 className="text-2xl font-semibold tracking-tight">{name ?? t("shared.defaultHeading")}</h1>
      {missing(collection) && missing(wants) ? (
        <EmptyState icon={PackageOpen} title={t("shared.nothingShared")}
          description={t("shared.nothingSharedDescription")} />
      ) : (
        <>
          <SharedListSection shareKey={shareKey} list="collection" />
          <SharedListSection shareKey={shareKey} list="wants" />
        </>
      )}
    </div>
  );
}
