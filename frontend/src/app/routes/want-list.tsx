import { WantList } from "@/features/collectibles/components/want-list";
import { BestOfferSummary } from "@/features/prices/components/best-offers-card";
import { useVendorPreference } from "@/lib/vendor-preference";

export function Component() {
  return (
    <>
      <title>Want list · Omni-Stock</title>
      <WantList vendor={useVendorPreference()} renderBestOffer={(item) => <BestOfferSummary collectibleId={item.id} />} />
    </>
  );
}
