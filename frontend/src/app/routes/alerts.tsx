import { useTranslation } from "react-i18next";

import { AlertsView } from "@/features/alerts/components/alerts-view";
import { useVendors } from "@/features/vendors/api/get-vendors";
import { useVendorPreference } from "@/lib/vendor-preference";

export function Component() {
  const { t } = useTranslation("alerts");
  const vendors = useVendors().data ?? [];
  return (
    <>
      <title>{t("pageTitle")}</title>
      <AlertsView vendors={vendors} defaultVendor={useVendorPreference()} />
    </>
  );
}
