import { useTranslation } from "react-i18next";

import type { RangeChoice } from "@/lib/use-range-param";
import { cn } from "@/lib/utils";

/** Segmented buttons choosing a chart's range (1M, 3M, 1Y, all…). */
export function RangeToggle<K extends string>({
  choices,
  value,
  onChange,
}: {
  choices: readonly RangeChoice<K>[];
  value: K;
  onChange: (key: K) => void;
}) {
  const { t } = useTranslation("ui");
  return (
    <div role="group" aria-label={t("rangeToggle.label")} className="inline-flex rounded-md border bg-background p-0.5 shadow-xs dark:bg-input/20">
      {choices.map((range) => (
        <button
          key={range.key}
          type="button"
          title={range.title}
          aria-label={range.title}
          aria-pressed={value === range.key}
          onClick={() => onChange(range.key)}
          className={cn(
            "h-7 min-w-10 rounded-sm px-2.5 text-xs font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60 focus-visible:outline-none",
            value === range.key && "bg-primary text-primary-foreground hover:text-primary-foreground",
          )}
        >
          {range.label}
        </button>
      ))}
    </div>
  );
}
