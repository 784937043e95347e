import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import type { Collectible } from "@/lib/api/types";
import { categoryLabel, conditionLabel } from "@/lib/choices";
import { cn, formatDate } from "@/lib/utils";

import type { SelectionControls } from "../lib/use-selection";
import { subtitle } from "../lib/item-value";
import { CoverImage, GainText, ItemTags, StatusBadge, ValueText } from "./item-bits";

interface ListProps {
  items: Collectible[];
  selection?: SelectionControls | undefined;
}

/** The checkbox sits above the card's stretched link, so it picks instead of opening. */
function PickBox({ item, selection }: { item: Collectible; selection: SelectionControls | undefined }) {
  const { t } = useTranslation("collectibles");
  if (!selection) return null;
  return (
    <Checkbox
      aria-label={t("list.select", { name: item.name })}
      checked={selection.isSelected(item.id)}
      onCheckedChange={() => selection.toggle(item.id)}
      className="relative z-10 bg-background"
    />
  );
}

/** Small screens: one card per item. */
export function CollectibleCards({ items, selection }: ListProps) {
  const { t } = useTranslation("collectibles");
  return (
    // One minmax(0, 1fr) column and min-w-0 cards: a long unbreakable name or set must not
    // widen the list past a phone's screen (it wraps, breaking long words, instead).
    <ul className="grid grid-cols-1 gap-3">
      {items.map((item) => (
        <li key={item.id} className="min-w-0">
          <Card className="relative p-4 focus-within:ring-2 focus-within:ring-ring">
            <div className="flex items-start justify-between gap-3">
              <PickBox item={item} selection={selection} />
              <div className="min-w-0 flex-1 break-words">
                <Link to={paths.collectible(item.id)} className="font-medium outline-none after:absolute after:inset-0 after:content-['']">
                  {item.name}
                </Link>
                <StatusBadge item={item} className="ml-2" />
                {subtitle(item) ? <p className="text-xs text-muted-foreground">{subtitle(item)}</p> : null}
              </div>
              <p className="shrink-0 text-right font-medium tabular-nums">
                <ValueText item={item} />
              </p>
            </div>
            <div className="mt-3 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              <Badge>{categoryLabel(item.category, t)}</Badge>
              <span>{conditionLabel(item.condition, t)}</span>
              {(item.quantity ?? 1) > 1 ? <span>× {item.quantity}</span> : null}
              {item.purchase_date ? <span>· {formatDate(item.purchase_date)}</span> : null}
              <span className="ml-auto tabular-nums">
                <GainText item={item} />
              </span>
            </div>
            {item.tags && item.tags.length > 0 ? (
              <div className="mt-2">
                <ItemTags tags={item.tags} />
              </div>
            ) : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** The grid view: cover photos first, for collections you recognise by sight. */
export function CollectibleGrid({ items, selection }: ListProps) {
  const { t } = useTranslation("collectibles");
  return (
    <ul aria-label={t("list.items")} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {items.map((item) => {
        const picked = selection?.isSelected(item.id) ?? false;
        return (
          <li key={item.id} className="min-w-0">
            <Card
              className={cn("relative gap-0 overflow-hidden p-0 focus-within:ring-2 focus-within:ring-ring", picked && "ring-2 ring-primary")}
            >
              <CoverImage item={item} className="aspect-square w-full" />
              {selection ? (
                <div className="absolute top-2 left-2">
                  <PickBox item={item} selection={selection} />
                </div>
              ) : null}
              <div className="grid gap-1 p-3">
                <Link
                  to={paths.collectible(item.id)}
                  className="line-clamp-2 text-sm font-medium break-words outline-none after:absolute after:inset-0 after:content-['']"
                >
                  {item.name}
                </Link>
                {subtitle(item) ? <p className="truncate text-xs text-muted-foreground">{subtitle(item)}</p> : null}
                <div className="flex items-end justify-between gap-2 text-sm tabular-nums">
                  <StatusBadge item={item} />
                  <ValueText item={item} className="ml-auto" />
                </div>
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}

export function CollectibleListSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation(["collectibles", "common"]);
  return (
    <div role="status" aria-label={t("list.loading")}>
      <span className="sr-only">{t("common:status.loading")}</span>
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
