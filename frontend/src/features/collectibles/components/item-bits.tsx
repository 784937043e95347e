import { ImageOff } from "lucide-react";
import { useTranslation } from "react-i18next";

import { Badge } from "@/components/ui/badge";
import type { Collectible } from "@/lib/api/types";
import { cn, formatMoney } from "@/lib/utils";

import { ageLabel, basisShort, formatGain, gainOf } from "../lib/item-value";

// Small pieces the table, the grid and the phone cards share.

export function PaidText({ item }: { item: Collectible }) {
  return <>{formatMoney(item.purchase_price, item.purchase_currency)}</>;
}

/** The current value, with where it comes from and whether its price is stale. */
export function ValueText({ item, className }: { item: Collectible; className?: string }) {
  const { t } = useTranslation("collectibles");
  const valuation = item.valuation;
  if (valuation?.basis === "sold" && valuation.proceeds !== null) {
    return (
      <span className={cn("inline-flex flex-col items-end leading-tight", className)}>
        <span>{formatMoney(valuation.proceeds, valuation.currency)}</span>
        <span className="text-[11px] text-muted-foreground">{t("value.basis.sold")}</span>
      </span>
    );
  }
  if (!valuation || valuation.value === null) {
    return (
      <span className={cn("text-muted-foreground", className)} title={valuation?.unconvertible ? t("value.noRate") : t("value.noPrice")}>
        —
      </span>
    );
  }
  const detail = [basisShort(valuation.basis, t), ageLabel(valuation.age_days, t)].filter(Boolean).join(", ");
  return (
    <span className={cn("inline-flex flex-col items-end leading-tight", className)}>
      <span>{formatMoney(valuation.value, valuation.currency)}</span>
      <span className={cn("text-[11px] text-muted-foreground", valuation.is_stale && "text-warning")}>
        {[detail, valuation.is_stale ? t("value.stale") : ""].filter(Boolean).join(" · ")}
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
  const { t } = useTranslation("collectibles");
  if (item.status !== "sold") return null;
  return (
    <Badge variant="outline" className={className}>
      {t("status.sold")}
    </Badge>
  );
}

export function ItemTags({ tags }: { tags: string[] | undefined }) {
  const { t } = useTranslation("collectibles");
  if (!tags || tags.length === 0) return null;
  return (
    <ul aria-label={t("value.tags")} className="flex flex-wrap gap-1">
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
  const { t } = useTranslation("collectibles");
  const cover = item.cover_photo;
  if (!cover) {
    return (
      <div className={cn("flex items-center justify-center bg-muted text-muted-foreground", className)}>
        <ImageOff aria-hidden className="size-8 opacity-50" />
        <span className="sr-only">{t("value.noPhoto")}</span>
      </div>
    );
  }
  return <img src={cover.thumbnail_url} alt="" loading="lazy" decoding="async" className={cn("object-cover", className)} />;
}
