import { CollectionView } from "@/features/collectibles/components/collection-view";

export function Component() {
  return <CollectionView />;
}
