import { WantList } from "@/features/collectibles/components/want-list";
import { BestOfferSummary } from "@/features/prices/components/best-offers-card";
import { WantBundles } from "@/features/prices/components/want-bundles";
import { useVendorPreference } from "@/lib/vendor-preference";

export function Component() {
  const vendor = useVendorPreference();
  return (
    <>
      <title>Want list · Omni-Stock</title>
      <WantList vendor={vendor} renderBestOffer={(item) => <BestOfferSummary offer={item.best_offer} />} />
      <WantBundles vendor={vendor} className="mt-8" />
    </>
  );
}
