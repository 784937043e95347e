import { FileUp, FilterX, LayoutGrid, PackageOpen, Plus, Rows3 } from "lucide-react";
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Pagination } from "@/components/pagination";
import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { paths } from "@/config/paths";
import type { Vendor } from "@/lib/api/types";
import { DEFER_MS } from "@/lib/use-deferred-load";
import { cn, countOf } from "@/lib/utils";

import { useCollectibles } from "../api/get-collectibles";
import { countActiveFilters, filtersOnlyQuery, filtersToQuery } from "../lib/filters";
import { useCollectibleFilters } from "../lib/use-collectible-filters";
import { selectionSize, useSelection } from "../lib/use-selection";
import { useViewPreference, type CollectionLayout } from "../lib/use-view-preference";
import { CollectibleFiltersBar } from "./collectible-filters";
import { CollectibleCards, CollectibleGrid, CollectibleListSkeleton } from "./collectible-list";
import { CollectibleTable } from "./collectible-table";
import { ExportMenu } from "./export-menu";

// The bulk bar and its dialogs (Radix Dialog, the focus trap, the scroll lock) are not in the
// list's first load: fetched a moment after the items are shown, or with the first tick.
const loadBulkActions = () => import("./bulk-actions");
const BulkActionBar = lazy(() => loadBulkActions().then((m) => ({ default: m.BulkActionBar })));

function usePrefetchBulkActions(wanted: boolean) {
  useEffect(() => {
    if (!wanted) return;
    const timer = window.setTimeout(() => void loadBulkActions().catch(() => undefined), DEFER_MS);
    return () => window.clearTimeout(timer);
  }, [wanted]);
}

function LayoutToggle({ value, onChange }: { value: CollectionLayout; onChange: (layout: CollectionLayout) => void }) {
  const { t } = useTranslation("collectibles");
  const options = [
    { layout: "table" as const, label: t("list.tableView"), icon: Rows3 },
    { layout: "grid" as const, label: t("list.gridView"), icon: LayoutGrid },
  ];
  return (
    <div role="group" aria-label={t("list.layout")} className="inline-flex rounded-md border p-0.5">
      {options.map(({ layout, label, icon: Icon }) => (
        <Button
          key={layout}
          variant="ghost"
          size="icon-sm"
          aria-label={label}
          aria-pressed={value === layout}
          className={cn("size-7", value === layout && "bg-accent text-accent-foreground")}
          onClick={() => onChange(layout)}
        >
          <Icon aria-hidden />
        </Button>
      ))}
    </div>
  );
}

/**
 * The collection page: URL-synced filters, table/grid/cards, selection with bulk actions,
 * export, pagination and every state. `vendors` (yours, to name each item's collection)
 * come from the route; `viewControls` (saving the filters as a view) and
 * `collectionActions` (what acts on one whole collection, such as refreshing its prices)
 * from app/.
 */
export function CollectionView({
  vendors,
  viewControls,
  collectionActions,
}: {
  vendors: Vendor[];
  viewControls?: ReactNode;
  /** Shown when the page shows one collection: filtered to it, or your only one. */
  collectionActions?: (vendor: Vendor) => ReactNode;
}) {
  const { t } = useTranslation("collectibles");
  const { filters, setFilters, clearFilters } = useCollectibleFilters();
  const query = useCollectibles(filtersToQuery(filters));
  const [layout, setLayout] = useViewPreference();
  const filterQuery = filtersOnlyQuery(filters);
  const selection = useSelection(JSON.stringify(filterQuery));
  const activeFilters = countActiveFilters(filters);
  const data = query.data;
  const vendorName = filters.vendor !== null ? vendors.find((v) => v.id === filters.vendor)?.name : undefined;
  // Viewers cannot edit: no checkboxes for them (the server would refuse anyway).
  const scoped = filters.vendor !== null ? vendors.filter((v) => v.id === filters.vendor) : vendors;
  const canEdit = scoped.length === 0 || scoped.some((v) => v.role !== "viewer");
  const picker = canEdit ? selection : undefined;
  const collection = scoped.length === 1 ? scoped[0] : undefined;
  usePrefetchBulkActions(picker !== undefined && data !== undefined);

  let body;
  if (query.isPending) {
    body = <CollectibleListSkeleton />;
  } else if (query.isError && !data) {
    body = <ErrorState title={t("list.loadError")} error={query.error} onRetry={() => void query.refetch()} />;
  } else if (data && data.count === 0 && activeFilters === 0) {
    body = (
      <EmptyState
        icon={PackageOpen}
        title={t("list.empty.title")}
        description={t("list.empty.description")}
        action={
          <div className="flex flex-wrap justify-center gap-2">
            <Button asChild>
              <Link to={paths.collectibleNew}>
                <Plus aria-hidden /> {t("list.empty.addFirst")}
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link to={paths.imports}>
                <FileUp aria-hidden /> {t("list.empty.importFile")}
              </Link>
            </Button>
          </div>
        }
      />
    );
  } else if (data && data.results.length === 0) {
    body = (
      <EmptyState
        icon={FilterX}
        title={data.count === 0 ? t("list.noMatch.title") : t("list.emptyPage.title")}
        description={data.count === 0 ? t("list.noMatch.description") : t("list.emptyPage.description")}
        action={
          data.count === 0 ? (
            <Button variant="outline" onClick={clearFilters}>
              {t("list.noMatch.clear")}
            </Button>
          ) : (
            <Button variant="outline" onClick={() => setFilters({ page: 1 })}>
              {t("list.emptyPage.firstPage")}
            </Button>
          )
        }
      />
    );
  } else if (data) {
    body = (
      <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={query.isFetching}>
        {picker ? (
          <div className="mb-3">
            {selectionSize(picker.selection, data.count) > 0 ? (
              <Suspense fallback={null}>
                <BulkActionBar selection={picker} matching={data.count} pageIds={data.results.map((i) => i.id)} filters={filterQuery} />
              </Suspense>
            ) : null}
          </div>
        ) : null}
        {layout === "grid" ? (
          <CollectibleGrid items={data.results} selection={picker} />
        ) : (
          <>
            <Card className="hidden overflow-hidden py-0 md:block">
              <CollectibleTable
                items={data.results}
                vendors={vendors}
                selection={picker}
                ordering={filters.ordering}
                onSort={(ordering) => setFilters({ ordering })}
              />
            </Card>
            <div className="md:hidden">
              <CollectibleCards items={data.results} selection={picker} />
            </div>
          </>
        )}
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
      <title>{vendorName ? t("list.vendorPageTitle", { name: vendorName }) : t("list.pageTitle")}</title>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0 break-words">
          <h1 className="text-2xl font-semibold tracking-tight">{vendorName ?? t("list.heading")}</h1>
          <p className="text-sm text-muted-foreground">
            {data ? t(activeFilters ? "list.matching" : "list.count", countOf(data.count)) : "\u00a0"}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {viewControls}
          <LayoutToggle value={layout} onChange={setLayout} />
          <ExportMenu filters={{ ...filterQuery, ordering: [filters.ordering] }} filtered={activeFilters > 0} />
          {collection && collectionActions ? collectionActions(collection) : null}
          {canEdit ? (
            <Button asChild variant="outline">
              <Link to={paths.imports}>
                <FileUp aria-hidden /> {t("list.import")}
              </Link>
            </Button>
          ) : null}
          <Button asChild>
            <Link to={paths.collectibleNew}>
              <Plus aria-hidden /> {t("list.addItem")}
            </Link>
          </Button>
        </div>
      </div>
      <CollectibleFiltersBar filters={filters} onChange={setFilters} onClear={clearFilters} />
      {body}
    </div>
  );
}
