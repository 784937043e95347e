import { FilterX, PackageOpen, Plus } from "lucide-react";
import { Link } from "react-router";

import { Pagination } from "@/components/pagination";
import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { paths } from "@/config/paths";
import type { Vendor } from "@/lib/api/types";

import { useCollectibles } from "../api/get-collectibles";
import { countActiveFilters, filtersToQuery } from "../lib/filters";
import { useCollectibleFilters } from "../lib/use-collectible-filters";
import { CollectibleFiltersBar } from "./collectible-filters";
import { CollectibleCards, CollectibleListSkeleton, CollectibleTable } from "./collectible-list";

/**
 * The collection page: URL-synced filters, table/cards, pagination and every state.
 * `vendors` (yours, to name each item's collection) come from the route.
 */
export function CollectionView({ vendors }: { vendors: Vendor[] }) {
  const { filters, setFilters, clearFilters } = useCollectibleFilters();
  const query = useCollectibles(filtersToQuery(filters));
  const activeFilters = countActiveFilters(filters);
  const data = query.data;
  const vendorName = filters.vendor !== null ? vendors.find((v) => v.id === filters.vendor)?.name : undefined;

  let body;
  if (query.isPending) {
    body = <CollectibleListSkeleton />;
  } else if (query.isError && !data) {
    body = <ErrorState title="Could not load your collection" error={query.error} onRetry={() => void query.refetch()} />;
  } else if (data && data.count === 0 && activeFilters === 0) {
    body = (
      <EmptyState
        icon={PackageOpen}
        title="Your collection is empty"
        description="Add your first card, game, record or coin to start tracking what it is worth."
        action={
          <Button asChild>
            <Link to={paths.collectibleNew}>
              <Plus aria-hidden /> Add your first item
            </Link>
          </Button>
        }
      />
    );
  } else if (data && data.results.length === 0) {
    body = (
      <EmptyState
        icon={FilterX}
        title={data.count === 0 ? "No items match these filters" : "This page is empty"}
        description={data.count === 0 ? "Try removing a filter." : "Go back to the first page."}
        action={
          data.count === 0 ? (
            <Button variant="outline" onClick={clearFilters}>
              Clear filters
            </Button>
          ) : (
            <Button variant="outline" onClick={() => setFilters({ page: 1 })}>
              First page
            </Button>
          )
        }
      />
    );
  } else if (data) {
    body = (
      <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={query.isFetching}>
        <Card className="hidden overflow-hidden md:block">
          <CollectibleTable items={data.results} vendors={vendors} />
        </Card>
        <div className="md:hidden">
          <CollectibleCards items={data.results} vendors={vendors} />
        </div>
        <div className="mt-4">
          <Pagination
            page={filters.page}
            pageSize={filters.page_size}
            count={data.count}
            onPageChange={(page) => setFilters({ page })}
            onPageSizeChange={(page_size) => setFilters({ page_size })}
          />
        </div>
      </div>
    );
  }

  return (
    // grid-cols-1 (minmax(0, 1fr)): no child may widen the page past the viewport on phones.
    <div className="grid grid-cols-1 gap-5">
      <title>{vendorName ? `${vendorName} · Omni-Stock` : "Collection · Omni-Stock"}</title>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0 break-words">
          <h1 className="text-2xl font-semibold tracking-tight">{vendorName ?? "Collection"}</h1>
          <p className="text-sm text-muted-foreground">
            {data ? `${String(data.count)} item${data.count === 1 ? "" : "s"}${activeFilters ? " match your filters" : ""}` : "\u00a0"}
          </p>
        </div>
        <Button asChild>
          <Link to={paths.collectibleNew}>
            <Plus aria-hidden /> Add item
          </Link>
        </Button>
      </div>
      <CollectibleFiltersBar filters={filters} onChange={setFilters} onClear={clearFilters} />
      {body}
    </div>
  );
}
