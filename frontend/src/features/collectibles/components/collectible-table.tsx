import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { paths } from "@/config/paths";
import type { Collectible, Vendor } from "@/lib/api/types";
import { categoryLabel, conditionLabel } from "@/lib/choices";
import { cn, formatDate } from "@/lib/utils";

import { nextOrdering, sortDirection, type Ordering, type SortField } from "../lib/list-options";
import type { SelectionControls } from "../lib/use-selection";
import { subtitle } from "../lib/item-value";
import { GainText, ItemTags, PaidText, StatusBadge, ValueText } from "./item-bits";

interface SortProps {
  ordering: Ordering;
  onSort: (ordering: Ordering) => void;
}

function SortableHead({
  field,
  first,
  children,
  className,
  ordering,
  onSort,
}: SortProps & { field: SortField; first: "asc" | "desc"; children: ReactNode; className?: string }) {
  const { t } = useTranslation("collectibles");
  const direction = sortDirection(ordering, field);
  const Icon = direction === "ascending" ? ArrowUp : direction === "descending" ? ArrowDown : ArrowUpDown;
  return (
    <TableHead aria-sort={direction ?? "none"} className={className}>
      <button
        type="button"
        onClick={() => onSort(nextOrdering(ordering, field, first))}
        className={cn(
          "inline-flex items-center gap-1 rounded-sm uppercase hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
          direction && "text-foreground",
        )}
      >
        {children}
        <Icon aria-hidden className={cn("size-3.5", !direction && "opacity-40")} />
        <span className="sr-only">
          {direction === "ascending" ? t("table.sortedAscending") : direction === "descending" ? t("table.sortedDescending") : ""}
          {t("table.sort")}
        </span>
      </button>
    </TableHead>
  );
}

interface TableProps extends SortProps {
  items: Collectible[];
  vendors: Vendor[];
  /** Without it there are no checkboxes (nothing the user could edit in bulk). */
  selection?: SelectionControls | undefined;
}

/** Desktop: a table with sortable headers and, for editors, checkboxes for bulk actions. */
export function CollectibleTable({ items, vendors, ordering, onSort, selection }: TableProps) {
  const { t } = useTranslation("collectibles");
  const showVendor = vendors.length > 1;
  const vendorName = (id: number | undefined) => vendors.find((v) => v.id === id)?.name ?? "";
  const pageIds = items.map((item) => item.id);
  const pickedOnPage = selection ? pageIds.filter((id) => selection.isSelected(id)).length : 0;
  const sort = { ordering, onSort };
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          {selection ? (
            <TableHead className="w-8 pr-0">
              <Checkbox
                aria-label={t("list.selectPage")}
                checked={pickedOnPage === 0 ? false : pickedOnPage === pageIds.length ? true : "indeterminate"}
                onCheckedChange={() => selection.togglePage(pageIds)}
              />
            </TableHead>
          ) : null}
          <SortableHead field="name" first="asc" {...sort}>
            {t("table.name")}
          </SortableHead>
          <TableHead>{t("table.category")}</TableHead>
          <TableHead>{t("table.condition")}</TableHead>
          {showVendor ? <TableHead>{t("table.collection")}</TableHead> : null}
          <TableHead className="text-right">{t("table.quantity")}</TableHead>
          <SortableHead field="purchase_price" first="desc" className="text-right" {...sort}>
            {t("table.paidEach")}
          </SortableHead>
          <SortableHead field="value" first="desc" className="text-right" {...sort}>
            {t("table.value")}
          </SortableHead>
          <SortableHead field="gain" first="desc" className="text-right" {...sort}>
            {t("table.gain")}
          </SortableHead>
          <SortableHead field="purchase_date" first="desc" {...sort}>
            {t("table.purchased")}
          </SortableHead>
          <TableHead>{t("table.tags")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => {
          const picked = selection?.isSelected(item.id) ?? false;
          return (
            <TableRow key={item.id} data-state={picked ? "selected" : undefined}>
              {selection ? (
                <TableCell className="w-8 pr-0">
                  <Checkbox aria-label={t("list.select", { name: item.name })} checked={picked} onCheckedChange={() => selection.toggle(item.id)} />
                </TableCell>
              ) : null}
              <TableCell className="max-w-72">
                <Link
                  to={paths.collectible(item.id)}
                  className="font-medium hover:underline focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                >
                  {item.name}
                </Link>
                <StatusBadge item={item} className="ml-2" />
                {subtitle(item) ? <p className="truncate text-xs text-muted-foreground">{subtitle(item)}</p> : null}
              </TableCell>
              <TableCell>
                <Badge>{categoryLabel(item.category, t)}</Badge>
              </TableCell>
              <TableCell className="whitespace-nowrap">{conditionLabel(item.condition, t)}</TableCell>
              {showVendor ? <TableCell className="text-muted-foreground">{vendorName(item.vendor)}</TableCell> : null}
              <TableCell className="text-right tabular-nums">{item.quantity ?? 1}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                <PaidText item={item} />
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                <ValueText item={item} />
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                <GainText item={item} />
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{formatDate(item.purchase_date)}</TableCell>
              <TableCell>
                <ItemTags tags={item.tags} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
