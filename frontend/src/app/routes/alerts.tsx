import { AlertsView } from "@/features/alerts/components/alerts-view";
import { useVendors } from "@/features/vendors/api/get-vendors";
import { useVendorPreference } from "@/lib/vendor-preference";

export function Component() {
  const vendors = useVendors().data ?? [];
  return (
    <>
      <title>Alerts · Omni-Stock</title>
      <AlertsView vendors={vendors} defaultVendor={useVendorPreference()} />
    </>
  );
}
