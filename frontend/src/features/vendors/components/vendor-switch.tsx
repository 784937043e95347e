import { useId } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";

import { NativeSelect } from "@/components/ui/native-select";
import { paths } from "@/config/paths";
import { filtersToSearchParams, parseFilters } from "@/features/collectibles/lib/filters";

import { useVendors } from "../api/get-vendors";
import { setVendorPreference, useVendorPreference } from "../vendor-preference";

/**
 * Picks which of your vendors the collection shows (`vendor=` on the list URL; the dashboard
 * reads the remembered choice). Shown only when you belong to several vendors.
 */
export function VendorSwitch({ className }: { className?: string }) {
  const id = useId();
  const { data: vendors } = useVendors();
  const preference = useVendorPreference();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();

  if (!vendors || vendors.length < 2) return null;

  const onList = location.pathname === paths.collection;
  const current = onList ? parseFilters(searchParams).vendor : preference;
  const value = current !== null && vendors.some((v) => v.id === current) ? String(current) : "";

  const choose = (raw: string) => {
    const vendor = raw ? Number(raw) : null;
    setVendorPreference(vendor);
    // The dashboard follows the preference itself: stay there.
    if (location.pathname === paths.home) return;
    // Keep the other filters when already on the list; always restart at page 1.
    const filters = onList ? parseFilters(searchParams) : parseFilters(new URLSearchParams());
    const search = filtersToSearchParams({ ...filters, vendor, page: 1 }).toString();
    void navigate({ pathname: paths.collection, search: search ? `?${search}` : "" });
  };

  return (
    <div className={className}>
      <label htmlFor={id} className="sr-only">
        Collection shown
      </label>
      <NativeSelect id={id} value={value} onChange={(event) => choose(event.target.value)} className="h-8 text-sm"
        wrapperClassName="sm:w-56">
        <option value="">All collections</option>
        {vendors.map((vendor) => (
          <option key={vendor.id} value={vendor.id}>
            {vendor.name}
            {vendor.role === "viewer" ? " (view only)" : ""}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
