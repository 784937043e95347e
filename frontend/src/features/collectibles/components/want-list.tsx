import { Heart, Plus } from "lucide-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { paths } from "@/config/paths";
import type { Collectible } from "@/lib/api/types";
import { conditionLabel } from "@/lib/choices";
import { formatMoney } from "@/lib/utils";

import { useCollectibles } from "../api/get-collectibles";
import { priorityLabel } from "../lib/list-options";

const PAGE_SIZE = 25;

/** The best offer cell is the prices feature's: the route passes it in. */
type RenderBestOffer = (item: Collectible) => ReactNode;

function WantRow({ item, renderBestOffer }: { item: Collectible; renderBestOffer: RenderBestOffer }) {
  const { t } = useTranslation("collectibles");
  return (
    <TableRow>
      <TableCell className="font-medium">
        <Link to={paths.collectible(item.id)} className="hover:underline">
          {item.name}
        </Link>
        {item.set_name ? <span className="block text-xs text-muted-foreground">{item.set_name}</span> : null}
      </TableCell>
      <TableCell>{t("want.atLeast", { condition: conditionLabel(item.condition, t) })}</TableCell>
      <TableCell className="tabular-nums">{item.max_price ? formatMoney(item.max_price, item.max_price_currency) : "—"}</TableCell>
      <TableCell>{priorityLabel(item.priority, t)}</TableCell>
      <TableCell>
        {renderBestOffer(item)}
      </TableCell>
    </TableRow>
  );
}

/** The want list: wanted items with what you would pay and the best offer now. */
export function WantList({ vendor, renderBestOffer }: { vendor: number | null; renderBestOffer: RenderBestOffer }) {
  const { t } = useTranslation(["collectibles", "common"]);
  const [page, setPage] = useState(1);
  const query = useCollectibles({ status: ["wanted"], page, page_size: PAGE_SIZE, ordering: ["name"], ...(vendor === null ? {} : { vendor }) });
  let content;
  if (query.isPending) content = <Skeleton className="h-40" />;
  else if (query.isError) content = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.results.length === 0) {
    content = (
      <EmptyState
        icon={Heart}
        title={t("want.emptyTitle")}
        description={t("want.emptyDescription")}
        action={
          <Button asChild>
            <Link to={paths.wantNew}>{t("want.add")}</Link>
          </Button>
        }
      />
    );
  } else {
    content = (
      <>
        <Table aria-label={t("want.table")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("want.item")}</TableHead>
              <TableHead>{t("want.condition")}</TableHead>
              <TableHead>{t("want.maxPriceColumn")}</TableHead>
              <TableHead>{t("want.priority")}</TableHead>
              <TableHead>{t("want.bestOffer")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.results.map((item) => (
              <WantRow key={item.id} item={item} renderBestOffer={renderBestOffer} />
            ))}
          </TableBody>
        </Table>
        {query.data.count > PAGE_SIZE ? (
          <nav aria-label={t("want.pages")} className="flex justify-end gap-2">
            <Button variant="outline" size="sm" disabled={page === 1} onClick={() => setPage(page - 1)}>
              {t("common:actions.previous")}
            </Button>
            <Button variant="outline" size="sm" disabled={!query.data.next} onClick={() => setPage(page + 1)}>
              {t("common:actions.next")}
            </Button>
          </nav>
        ) : null}
      </>
    );
  }
  return (
    <div className="grid gap-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("want.heading")}</h1>
          <p className="text-sm text-muted-foreground">{t("want.intro")}</p>
        </div>
        <Button asChild>
          <Link to={paths.wantNew}>
            <Plus aria-hidden /> {t("want.add")}
          </Link>
        </Button>
      </div>
      {content}
    </div>
  );
}
