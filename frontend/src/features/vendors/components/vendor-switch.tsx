import { useId } from "react";
import { useTranslation } from "react-i18next";

import { NativeSelect } from "@/components/ui/native-select";

import { useVendors } from "../api/get-vendors";

/**
 * Picks which of your vendors is shown (null = all collections). Shown only when you belong
 * to several vendors. What a choice means (the list's `vendor=`, the remembered preference)
 * is up to the caller: the app shell.
 */
export function VendorSwitch({
  value,
  onChange,
  className,
}: {
  value: number | null;
  onChange: (vendor: number | null) => void;
  className?: string;
}) {
  const { t } = useTranslation("vendors");
  const id = useId();
  const { data: vendors } = useVendors();

  if (!vendors || vendors.length < 2) return null;

  const selected = value !== null && vendors.some((v) => v.id === value) ? String(value) : "";

  return (
    <div className={className}>
      <label htmlFor={id} className="sr-only">
        {t("vendorSwitch.label")}
      </label>
      <NativeSelect id={id} value={selected} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
        className="h-8 text-sm" wrapperClassName="sm:w-56">
        <option value="">{t("vendorSwitch.all")}</option>
        {vendors.map((vendor) => (
          <option key={vendor.id} value={vendor.id}>
            {vendor.role === "viewer" ? t("vendorSwitch.viewOnly", { name: vendor.name }) : vendor.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
