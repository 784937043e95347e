import { CalendarRange, ChevronDown, MapPin, Search, X, type LucideIcon } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { lazyOverlay } from "@/components/lazy-overlay";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { CATEGORIES, CONDITIONS, LANGUAGES, MARKET_REGIONS, translatedChoices } from "@/lib/choices";

import { countActiveFilters, type CollectibleFilters } from "../lib/filters";
import { DATE_FIELDS, describeFilters } from "../lib/filter-labels";
import { ORDERINGS, statusChoices, valueBasisChoices, type CollectiblesT, type Ordering } from "../lib/list-options";
import { MultiSelectFilter } from "./multi-select-filter";

interface Props {
  filters: CollectibleFilters;
  onChange: (patch: Partial<CollectibleFilters>) => void;
  onClear: () => void;
}

/** A free-text filter committed on Enter or blur; re-mounted (via key) when the URL changes it. */
function TextFilter({
  label,
  icon: Icon,
  value,
  normalise,
  onCommit,
}: {
  label: string;
  icon: LucideIcon;
  value: string;
  normalise: (text: string) => string;
  onCommit: (text: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const commit = () => {
    const next = normalise(draft);
    if (next !== value) onCommit(next);
  };
  return (
    <div className="relative w-full sm:w-44">
      <Icon aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        aria-label={label}
        placeholder={label}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          }
        }}
        className="h-8 pl-8 text-sm"
      />
    </div>
  );
}

// The popover's code (Radix Popover, Floating UI) comes on first use: the list's first load is without it.
const DateRangesPopover = lazyOverlay(() => import("./filter-popovers").then((m) => m.DateRangesPopover), "dialog");

function DateRangesFilter({ filters, onChange }: Omit<Props, "onClear">) {
  const { t } = useTranslation("collectibles");
  const active = DATE_FIELDS.filter((f) => filters[f.key]).length;
  return (
    <DateRangesPopover
      trigger={
        <Button variant="outline" size="sm">
          <CalendarRange aria-hidden />
          {t("filters.dates")}
          {active > 0 ? (
            <Badge variant="default" className="px-1.5 py-0">
              {active}
            </Badge>
          ) : null}
          <ChevronDown aria-hidden className="opacity-60" />
        </Button>
      }
      filters={filters}
      onChange={onChange}
    />
  );
}

interface Chip {
  key: string;
  label: string;
  remove: () => void;
}

function activeChips(filters: CollectibleFilters, onChange: Props["onChange"], t: CollectiblesT): Chip[] {
  return describeFilters(filters, t).map(({ key, label, clear }) => ({ key, label, remove: () => onChange(clear) }));
}

export function CollectibleFiltersBar({ filters, onChange, onClear }: Props) {
  const { t } = useTranslation("collectibles");
  const sortId = useId();
  const chips = activeChips(filters, onChange, t);
  const multi = (key: "category" | "condition" | "language" | "region" | "valueFrom" | "status") => ({
    label: t(`filters.${key}.label`),
    clearLabel: t(`filters.${key}.clear`),
  });
  return (
    <section aria-label={t("filters.section")} className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <MultiSelectFilter {...multi("category")} options={translatedChoices(CATEGORIES, t)} value={filters.category} onChange={(category) => onChange({ category })} />
        <MultiSelectFilter {...multi("condition")} options={translatedChoices(CONDITIONS, t)} value={filters.condition} onChange={(condition) => onChange({ condition })} />
        <MultiSelectFilter {...multi("language")} options={translatedChoices(LANGUAGES, t)} value={filters.language} onChange={(language) => onChange({ language })} />
        <MultiSelectFilter {...multi("region")} options={translatedChoices(MARKET_REGIONS, t)} value={filters.market_region} onChange={(market_region) => onChange({ market_region })} />
        <MultiSelectFilter {...multi("valueFrom")} options={valueBasisChoices(t)} value={filters.value_basis} onChange={(value_basis) => onChange({ value_basis })} />
        <DateRangesFilter filters={filters} onChange={onChange} />
        <MultiSelectFilter {...multi("status")} options={statusChoices(t)} value={filters.status} onChange={(status) => onChange({ status })} />
        <TextFilter key={`tag:${filters.tag}`} label={t("filters.tag")} icon={Search} value={filters.tag} normalise={(text) => text.trim().toLowerCase()} onCommit={(tag) => onChange({ tag })} />
        <TextFilter
          key={`location:${filters.location}`}
          label={t("filters.location")}
          icon={MapPin}
          value={filters.location}
          normalise={(text) => text.trim()}
          onCommit={(location) => onChange({ location })}
        />
        <div className="flex items-center gap-2 sm:ml-auto">
          <Label htmlFor={sortId} className="text-muted-foreground">
            {t("filters.sort")}
          </Label>
          <NativeSelect
            id={sortId}
            value={filters.ordering}
            onChange={(event) => onChange({ ordering: event.target.value as Ordering })}
            className="h-8 text-sm"
            wrapperClassName="w-48"
          >
            {ORDERINGS.map((o) => (
              <option key={o.value} value={o.value}>
                {t(`ordering.${o.key}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {chips.length > 0 ? (
        <ul aria-label={t("filters.active")} className="flex flex-wrap items-center gap-2">
          {chips.map((chip) => (
            <li key={chip.key}>
              <Badge variant="outline" className="gap-1 py-1 pr-1 pl-2">
                {chip.label}
                <button
                  type="button"
                  onClick={chip.remove}
                  className="rounded-sm p-0.5 hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                >
                  <X className="size-3" aria-hidden />
                  <span className="sr-only">{t("filters.remove", { label: chip.label })}</span>
                </button>
              </Badge>
            </li>
          ))}
          {countActiveFilters(filters) > 1 ? (
            <li>
              <Button variant="link" size="sm" className="h-auto px-1" onClick={onClear}>
                {t("filters.clearAll")}
              </Button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
