import { ImageOff } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import type { Collectible } from "@/lib/api/types";
import { cn, formatMoney } from "@/lib/utils";

import { BASIS_SHORT, ageLabel, formatGain, gainOf } from "../lib/item-value";


// Small pieces the table, the grid and the phone cards share.

export function PaidText({ item }: { item: Collectible }) {
  return <>{formatMoney(item.purchase_price, item.purchase_currency)}</>;
}

/** The current value, with where it comes from and whether its price is stale. */
export function ValueText({ item, className }: { item: Collectible; className?: string }) {
  const valuation = item.valuation;
  if (valuation?.basis === "sold" && valuation.proceeds !== null) {
    return (
      <span className={cn("inline-flex flex-col items-end leading-tight", className)}>
        <span>{formatMoney(valuation.proceeds, valuation.currency)}</span>
        <span className="text-[11px] text-muted-foreground">Sold</span>
      </span>
    );
  }
  if (!valuation || valuation.value === null) {
    return (
      <span className={cn("text-muted-foreground", className)} title={valuation?.unconvertible ? "No exchange rate for that day" : "No price yet"}>
        —
      </span>
    );
  }
  const age = ageLabel(valuation.age_days);
  const detail = [BASIS_SHORT[valuation.basis], age].filter(Boolean).join(", ");
  return (
    <span className={cn("inline-flex flex-col items-end leading-tight", className)}>
      <span>{formatMoney(valuation.value, valuation.currency)}</span>
      <span className={cn("text-[11px] text-muted-foreground", valuation.is_stale && "text-warning")}>
        {detail}
        {valuation.is_stale ? " · stale" : ""}
      </span>
    </span>
  );
}

export function GainText({ item }: { item: Collectible }) {
  const gain = gainOf(item.valuation);
  if (!gain || !item.valuation) return <span className="text-muted-foreground">—</span>;
  return (
    <span className={cn(gain.tone === "up" && "text-success", gain.tone === "down" && "text-destructive")}>
      {formatGain(gain, item.valuation.currency)}
    </span>
  );
}

export function StatusBadge({ item, className }: { item: Collectible; className?: string }) {
  if (item.status !== "sold") return null;
  return (
    <Badge variant="outline" className={className}>
      Sold
    </Badge>
  );
}

export function ItemTags({ tags }: { tags: string[] | undefined }) {
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

/** The cover photo's thumbnail, or a neutral placeholder when the item has none. */
export function CoverImage({ item, className }: { item: Collectible; className?: string }) {
  const cover = item.cover_photo;
  if (!cover) {
    return (
      <div className={cn("flex items-center justify-center bg-muted text-muted-foreground", className)}>
        <ImageOff aria-hidden className="size-8 opacity-50" />
        <span className="sr-only">No photo</span>
      </div>
    );
  }
  return <img src={cover.thumbnail_url} alt="" loading="lazy" decoding="async" className={cn("object-cover", className)} />;
}
