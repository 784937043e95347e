import { ChevronDown } from "lucide-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { Choice } from "@/lib/choices";

interface MultiSelectFilterProps<T extends string> {
  label: string;
  /** The button that unticks every option: "Clear category". */
  clearLabel: string;
  options: Choice<T>[];
  value: T[];
  onChange: (value: T[]) => void;
}

export function MultiSelectFilter<T extends string>({
  label,
  clearLabel,
  options,
  value,
  onChange,
}: MultiSelectFilterProps<T>) {
  const { t } = useTranslation("collectibles");
  const id = useId();
  const toggle = (option: T, checked: boolean) => {
    // Keep the order of `options`, so the URL does not depend on click order.
    const next = options
      .map((o) => o.value)
      .filter((v) => (v === option ? checked : value.includes(v)));
    onChange(next);
  };
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" aria-label={value.length ? t("filters.selected", { label, n: value.length }) : label}>
          {label}
          {value.length > 0 ? (
            <Badge variant="default" className="px-1.5 py-0">
              {value.length}
            </Badge>
          ) : null}
          <ChevronDown aria-hidden className="opacity-60" />
        </Button>
      </PopoverTrigger>
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
                    onCheckedChange={(checked) => toggle(option.value, checked === true)}
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
          <Button variant="ghost" size="sm" className="mt-1 w-full" onClick={() => onChange([])}>
            {clearLabel}
          </Button>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}
