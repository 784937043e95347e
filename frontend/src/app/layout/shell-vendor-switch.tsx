import { useLocation, useNavigate, useSearchParams } from "react-router";

import { paths } from "@/config/paths";
import { filtersToSearchParams, parseFilters } from "@/features/collectibles/lib/filters";
import { VendorSwitch } from "@/features/vendors/components/vendor-switch";
import { setVendorPreference, useVendorPreference } from "@/lib/vendor-preference";

/**
 * The vendors feature's switch, wired to what a choice means in the shell. On the
 * collection list the URL (`vendor=`) decides what is shown, so shared links show what they
 * say; elsewhere the remembered preference does, which the dashboard follows.
 */
export function ShellVendorSwitch({ className }: { className?: string }) {
  const preference = useVendorPreference();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();

  const onList = location.pathname === paths.collection;
  const shown = onList ? parseFilters(searchParams).vendor : preference;

  const choose = (vendor: number | null) => {
    setVendorPreference(vendor);
    // The dashboard follows the preference itself: stay there.
    if (location.pathname === paths.home) return;
    // Keep the other filters when already on the list; always restart at page 1.
    const filters = onList ? parseFilters(searchParams) : parseFilters(new URLSearchParams());
    const search = filtersToSearchParams({ ...filters, vendor, page: 1 }).toString();
    void navigate({ pathname: paths.collection, search: search ? `?${search}` : "" });
  };

  return <VendorSwitch value={shown} onChange={choose} className={className} />;
}
