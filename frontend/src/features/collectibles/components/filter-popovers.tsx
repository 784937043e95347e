import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { OverlayProps } from "@/components/lazy-overlay";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { Choice } from "@/lib/choices";

import type { CollectibleFilters } from "../lib/filters";
import { DATE_FIELDS } from "../lib/filter-labels";

// The filter bar's popovers, loaded on first use (multi-select-filter.tsx, collectible-filters.tsx).

/** A filter's options as checkboxes; `value` is what is ticked. */
export function MultiSelectPopover({
  trigger,
  defaultOpen,
  label,
  clearLabel,
  options,
  value,
  onToggle,
  onClear,
}: OverlayProps & {
  label: string;
  clearLabel: string;
  options: Choice<string>[];
  value: string[];
  onToggle: (option: string, checked: boolean) => void;
  onClear: () => void;
}) {
  const id = useId();
  return (
    <Popover defaultOpen={defaultOpen}>
      <PopoverTrigger asChild>{trigger}</PopoverTrigger>
      <PopoverContent className="w-60 p-2">
        <fieldset>
          <legend className="px-2 pb-1 text-xs font-medium text-muted-foreground uppercase">{label}</legend>
          <ul className="max-h-72 overflow-y-auto">
            {options.map((option) => {
              const optionId = `${id}-${option.value}`;
              return (
                <li key={option.value} className="flex items-center gap-2 rounded-sm px-2 py-1.5 hover:bg-accent">
                  <Checkbox
                    id={optionId}
                    checked={value.includes(option.value)}
                    onCheckedChange={(checked) => onToggle(option.value, checked === true)}
                  />
                  <Label htmlFor={optionId} className="flex-1 cursor-pointer font-normal">
                    {option.label}
                  </Label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {value.length > 0 ? (
          <Button variant="ghost" size="sm" className="mt-1 w-full" onClick={onClear}>
            {clearLabel}
          </Button>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}

/** The date range filters: one date input per field of DATE_FIELDS. */
export function DateRangesPopover({
  trigger,
  defaultOpen,
  filters,
  onChange,
}: OverlayProps & { filters: CollectibleFilters; onChange: (patch: Partial<CollectibleFilters>) => void }) {
  const { t } = useTranslation("collectibles");
  const id = useId();
  return (
    <Popover defaultOpen={defaultOpen}>
      <PopoverTrigger asChild>{trigger}</PopoverTrigger>
      <PopoverContent className="grid w-72 gap-3">
        {DATE_FIELDS.map((field) => (
          <div key={field.key} className="grid gap-1.5">
            <Label htmlFor={`${id}-${field.key}`}>{t(`filters.dateField.${field.key}`)}</Label>
            <Input
              id={`${id}-${field.key}`}
              type="date"
              value={filters[field.key]}
              onChange={(event) => onChange({ [field.key]: event.target.value })}
              className="h-8"
            />
          </div>
        ))}
      </PopoverContent>
    </Popover>
  );
}
