import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { useCollectible } from "@/features/collectibles/api/get-collectible";
import { CollectibleDetail } from "@/features/collectibles/components/collectible-detail";
import { ItemLoadError, ItemNotFound, ItemSkeleton } from "@/features/collectibles/components/collectible-page-states";
import { WantCard } from "@/features/collectibles/components/want-card";
import { parseItemId } from "@/features/collectibles/lib/item-id";
import { PhotosSection } from "@/features/photos/components/photos-section";
import { useTrackers } from "@/features/prices/api/get-trackers";
import { BestOffersCard } from "@/features/prices/components/best-offers-card";
import { PriceSection } from "@/features/prices/components/price-section";
import { useVendors } from "@/features/vendors/api/get-vendors";

function Detail({ id }: { id: number }) {
  const { t } = useTranslation("collectibles");
  const query = useCollectible(id);
  const vendors = useVendors().data;
  // Trackers whose page may offer a product image for "use the tracked page's image".
  const trackers = useTrackers(id).data ?? [];
  const pageImageSources = trackers.filter((tracker) => tracker.url).map((tracker) => ({ id: tracker.id, url: tracker.url }));
  if (query.isPending) return <ItemSkeleton />;
  if (query.isError) return <ItemLoadError error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  return (
    <>
      <title>{t("detail.pageTitle", { name: item.name })}</title>
      <CollectibleDetail
        item={item}
        vendor={vendors?.find((v) => v.id === item.vendor)}
        renderPrices={(canEdit) => <PriceSection item={item} canEdit={canEdit} />}
        renderPhotos={(canEdit) => <PhotosSection collectibleId={item.id} canEdit={canEdit} pageImageSources={pageImageSources} />}
        renderWant={(canEdit) => (
          <>
            <WantCard item={item} canEdit={canEdit} />
            <BestOffersCard collectibleId={item.id} />
          </>
        )}
      />
    </>
  );
}

export function Component() {
  const id = parseItemId(useParams().id);
  return id === null ? <ItemNotFound /> : <Detail id={id} />;
}
