import { useTranslation } from "react-i18next";

import { WantList } from "@/features/collectibles/components/want-list";
import { BestOfferSummary } from "@/features/prices/components/best-offers-card";
import { WantBundles } from "@/features/prices/components/want-bundles";
import { useVendorPreference } from "@/lib/vendor-preference";

export function Component() {
  const { t } = useTranslation("collectibles");
  const vendor = useVendorPreference();
  return (
    <>
      <title>{t("routes.wantListPageTitle")}</title>
      <WantList vendor={vendor} renderBestOffer={(item) => <BestOfferSummary offer={item.best_offer} />} />
      <WantBundles vendor={vendor} className="mt-8" />
    </>
  );
}
