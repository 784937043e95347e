import { ChevronDown } from "lucide-react";
import { useTranslation } from "react-i18next";

import { lazyOverlay } from "@/components/lazy-overlay";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Choice } from "@/lib/choices";

// The popover's code (Radix Popover, Floating UI) comes on first use: the list's first load is without it.
const OptionsPopover = lazyOverlay(() => import("./filter-popovers").then((m) => m.MultiSelectPopover), "dialog");

interface MultiSelectFilterProps<T extends string> {
  label: string;
  /** The button that unticks every option: "Clear category". */
  clearLabel: string;
  options: Choice<T>[];
  value: T[];
  onChange: (value: T[]) => void;
}

export function MultiSelectFilter<T extends string>({ label, clearLabel, options, value, onChange }: MultiSelectFilterProps<T>) {
  const { t } = useTranslation("collectibles");
  const toggle = (option: string, checked: boolean) => {
    // Keep the order of `options`, so the URL does not depend on click order.
    const next = options.map((o) => o.value).filter((v) => (v === option ? checked : value.includes(v)));
    onChange(next);
  };
  return (
    <OptionsPopover
      trigger={
        <Button variant="outline" size="sm" aria-label={value.length ? t("filters.selected", { label, n: value.length }) : label}>
          {label}
          {value.length > 0 ? (
            <Badge variant="default" className="px-1.5 py-0">
              {value.length}
            </Badge>
          ) : null}
          <ChevronDown aria-hidden className="opacity-60" />
        </Button>
      }
      label={label}
      clearLabel={clearLabel}
      options={options}
      value={value}
      onToggle={toggle}
      onClear={() => onChange([])}
    />
  );
}
