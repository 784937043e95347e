import { ImportView } from "@/features/imports/components/import-view";
import { useVendors } from "@/features/vendors/api/get-vendors";
import { useVendorPreference } from "@/lib/vendor-preference";

export function Component() {
  const vendors = useVendors().data ?? [];
  return <ImportView vendors={vendors} defaultVendor={useVendorPreference()} />;
}
