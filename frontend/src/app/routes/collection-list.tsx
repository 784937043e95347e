import { CollectionView } from "@/features/collectibles/components/collection-view";
import { useVendors } from "@/features/vendors/api/get-vendors";

export function Component() {
  const vendors = useVendors().data ?? [];
  return <CollectionView vendors={vendors} />;
}
