import { Link } from "react-router";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { paths } from "@/config/paths";
import type { Collectible, Vendor } from "@/lib/api/types";
import { CATEGORIES, CONDITIONS, labelOf } from "@/lib/choices";
import { formatDate, formatMoney } from "@/lib/utils";

interface ListProps {
  items: Collectible[];
  vendors: Vendor[];
}

function subtitle(item: Collectible): string {
  return [item.set_name, item.number ? `#${item.number}` : ""].filter(Boolean).join(" · ");
}

function Price({ item }: { item: Collectible }) {
  return <>{formatMoney(item.purchase_price, item.purchase_currency)}</>;
}

function Tags({ tags }: { tags: string[] | undefined }) {
  if (!tags || tags.length === 0) return null;
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-1">
      {tags.slice(0, 3).map((tag) => (
        <li key={tag} className="min-w-0 max-w-full">
          <Badge variant="outline" className="max-w-full font-normal" title={tag}>
            <span className="truncate">{tag}</span>
          </Badge>
        </li>
      ))}
      {tags.length > 3 ? <li className="text-xs text-muted-foreground">+{tags.length - 3}</li> : null}
    </ul>
  );
}

/** Desktop: a table. Small screens get the card list below instead. */
export function CollectibleTable({ items, vendors }: ListProps) {
  const showVendor = vendors.length > 1;
  const vendorName = (id: number | undefined) => vendors.find((v) => v.id === id)?.name ?? "";
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Name</TableHead>
          <TableHead>Category</TableHead>
          <TableHead>Condition</TableHead>
          {showVendor ? <TableHead>Collection</TableHead> : null}
          <TableHead className="text-right">Qty</TableHead>
          <TableHead className="text-right">Paid</TableHead>
          <TableHead>Purchased</TableHead>
          <TableHead>Tags</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell className="max-w-72">
              <Link
                to={paths.collectible(item.id)}
                className="font-medium hover:underline focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                {item.name}
              </Link>
              {subtitle(item) ? <p className="truncate text-xs text-muted-foreground">{subtitle(item)}</p> : null}
            </TableCell>
            <TableCell>
              <Badge>{labelOf(CATEGORIES, item.category)}</Badge>
            </TableCell>
            <TableCell className="whitespace-nowrap">{labelOf(CONDITIONS, item.condition)}</TableCell>
            {showVendor ? <TableCell className="text-muted-foreground">{vendorName(item.vendor)}</TableCell> : null}
            <TableCell className="text-right tabular-nums">{item.quantity ?? 1}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              <Price item={item} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{formatDate(item.purchase_date)}</TableCell>
            <TableCell>
              <Tags tags={item.tags} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function CollectibleCards({ items }: ListProps) {
  return (
    // One minmax(0, 1fr) column and min-w-0 cards: a long unbreakable name or set must not
    // widen the list past a phone's screen (it wraps, breaking long words, instead).
    <ul className="grid grid-cols-1 gap-3">
      {items.map((item) => (
        <li key={item.id} className="min-w-0">
          <Card className="relative p-4 focus-within:ring-2 focus-within:ring-ring">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0 break-words">
                <Link to={paths.collectible(item.id)} className="font-medium outline-none after:absolute after:inset-0 after:content-['']">
                  {item.name}
                </Link>
                {subtitle(item) ? <p className="text-xs text-muted-foreground">{subtitle(item)}</p> : null}
              </div>
              <p className="shrink-0 font-medium tabular-nums">
                <Price item={item} />
              </p>
            </div>
            <div className="mt-3 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              <Badge>{labelOf(CATEGORIES, item.category)}</Badge>
              <span>{labelOf(CONDITIONS, item.condition)}</span>
              {(item.quantity ?? 1) > 1 ? <span>× {item.quantity}</span> : null}
              {item.purchase_date ? <span>· {formatDate(item.purchase_date)}</span> : null}
            </div>
            {item.tags && item.tags.length > 0 ? (
              <div className="mt-2">
                <Tags tags={item.tags} />
              </div>
            ) : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function CollectibleListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading your collection">
      <span className="sr-only">Loading…</span>
      <div className="hidden md:block">
        <Card className="divide-y">
          {Array.from({ length: rows }, (_, index) => (
            <div key={index} className="flex items-center gap-4 px-3 py-3.5">
              <Skeleton className="h-4 w-64" />
              <Skeleton className="h-5 w-20" />
              <Skeleton className="h-4 w-20" />
              <Skeleton className="ml-auto h-4 w-16" />
              <Skeleton className="h-4 w-24" />
            </div>
          ))}
        </Card>
      </div>
      <div className="grid grid-cols-1 gap-3 md:hidden">
        {Array.from({ length: 4 }, (_, index) => (
          <Card key={index} className="grid gap-3 p-4">
            <div className="flex justify-between">
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-4 w-14" />
            </div>
            <Skeleton className="h-4 w-32" />
          </Card>
        ))}
      </div>
    </div>
  );
}
