import { Heart, Plus } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";

import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { paths } from "@/config/paths";
import type { Collectible } from "@/lib/api/types";
import { CONDITIONS, labelOf } from "@/lib/choices";
import { formatMoney } from "@/lib/utils";

import { useCollectibles } from "../api/get-collectibles";
import { PRIORITY_LABELS } from "../lib/list-options";

const PAGE_SIZE = 25;

/** The best offer cell is the prices feature's: the route passes it in. */
type RenderBestOffer = (item: Collectible) => ReactNode;

function WantRow({ item, renderBestOffer }: { item: Collectible; renderBestOffer: RenderBestOffer }) {
  return (
    <TableRow>
      <TableCell className="font-medium">
        <Link to={paths.collectible(item.id)} className="hover:underline">
          {item.name}
        </Link>
        {item.set_name ? <span className="block text-xs text-muted-foreground">{item.set_name}</span> : null}
      </TableCell>
      <TableCell>At least {labelOf(CONDITIONS, item.condition)}</TableCell>
      <TableCell className="tabular-nums">{item.max_price ? formatMoney(item.max_price, item.max_price_currency) : "—"}</TableCell>
      <TableCell>{PRIORITY_LABELS[item.priority ?? 3]}</TableCell>
      <TableCell>
        {renderBestOffer(item)}
      </TableCell>
    </TableRow>
  );
}

/** The want list: wanted items with what you would pay and the best offer now. */
export function WantList({ vendor, renderBestOffer }: { vendor: number | null; renderBestOffer: RenderBestOffer }) {
  const [page, setPage] = useState(1);
  const query = useCollectibles({ status: ["wanted"], page, page_size: PAGE_SIZE, ordering: ["name"], ...(vendor === null ? {} : { vendor }) });
  let content;
  if (query.isPending) content = <Skeleton className="h-40" />;
  else if (query.isError) content = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.results.length === 0) {
    content = (
      <EmptyState
        icon={Heart}
        title="Your want list is empty"
        description="Add what you are looking for with the most you would pay; trackers then watch the marketplaces for you."
        action={
          <Button asChild>
            <Link to={paths.wantNew}>Add a want</Link>
          </Button>
        }
      />
    );
  } else {
    content = (
      <>
        <Table aria-label="Want list">
          <TableHeader>
            <TableRow>
              <TableHead>Item</TableHead>
              <TableHead>Condition</TableHead>
              <TableHead>Max price</TableHead>
              <TableHead>Priority</TableHead>
              <TableHead>Best offer now</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.results.map((item) => (
              <WantRow key={item.id} item={item} renderBestOffer={renderBestOffer} />
            ))}
          </TableBody>
        </Table>
        {query.data.count > PAGE_SIZE ? (
          <nav aria-label="Want list pages" className="flex justify-end gap-2">
            <Button variant="outline" size="sm" disabled={page === 1} onClick={() => setPage(page - 1)}>
              Previous
            </Button>
            <Button variant="outline" size="sm" disabled={!query.data.next} onClick={() => setPage(page + 1)}>
              Next
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
          <h1 className="text-2xl font-semibold tracking-tight">Want list</h1>
          <p className="text-sm text-muted-foreground">What you are looking for, and the best price for it right now.</p>
        </div>
        <Button asChild>
          <Link to={paths.wantNew}>
            <Plus aria-hidden /> Add a want
          </Link>
        </Button>
      </div>
      {content}
    </div>
  );
}
