import type { Collectible } from "@/lib/api/types";

import { ManualPricesCard } from "./manual-prices-card";
import { PriceHistoryCard } from "./price-history-card";
import { TrackersPanel } from "./trackers-panel";
import { ValueCard } from "./value-card";

/** The item page's prices: chart and summary, purchase vs current value, trackers. */
export function PriceSection({ item, canEdit }: { item: Collectible; canEdit: boolean }) {
  return (
    <section aria-labelledby="price-history-title" data-slot="price-history" className="grid gap-4">
      <PriceHistoryCard collectibleId={item.id} itemCondition={item.condition} />
      <div className="grid items-start gap-4 lg:grid-cols-[1fr_2fr]">
        <div className="grid gap-4">
          <ValueCard item={item} />
          <ManualPricesCard collectibleId={item.id} canEdit={canEdit} />
        </div>
        <TrackersPanel
          collectibleId={item.id}
          itemCondition={item.condition}
          itemQuery={[item.name, item.number].filter(Boolean).join(" ")}
          canEdit={canEdit}
        />
      </div>
    </section>
  );
}
