import { CollectionView } from "@/features/collectibles/components/collection-view";
import { RefreshCollectionPrices } from "@/features/prices/components/refresh-collection-prices";
import { SavedViewControls } from "@/features/saved-views/components/saved-view-controls";
import { useVendors } from "@/features/vendors/api/get-vendors";

export function Component() {
  const vendors = useVendors().data ?? [];
  return (
    <CollectionView
      vendors={vendors}
      viewControls={<SavedViewControls />}
      collectionActions={(vendor) => <RefreshCollectionPrices vendor={vendor} />}
    />
  );
}
