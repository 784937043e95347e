import { useTranslation } from "react-i18next";

import { CollectionView } from "@/features/collectibles/components/collection-view";
import { describeListQuery } from "@/features/collectibles/lib/filter-labels";
import { RefreshCollectionPrices } from "@/features/prices/components/refresh-collection-prices";
import { SavedViewControls } from "@/features/saved-views/components/saved-view-controls";
import { useVendors } from "@/features/vendors/api/get-vendors";

export function Component() {
  const { t } = useTranslation("collectibles");
  const vendors = useVendors().data ?? [];
  return (
    <CollectionView
      vendors={vendors}
      viewControls={<SavedViewControls describe={(params) => describeListQuery(params, t, (id) => vendors.find((v) => v.id === id)?.name)} />}
      collectionActions={(vendor) => <RefreshCollectionPrices vendor={vendor} />}
    />
  );
}
