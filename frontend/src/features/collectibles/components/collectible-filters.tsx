import { CalendarRange, ChevronDown, MapPin, Search, X, type LucideIcon } from "lucide-react";
import { useId, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { CATEGORIES, CONDITIONS, LANGUAGES, MARKET_REGIONS } from "@/lib/choices";

import { countActiveFilters, type CollectibleFilters } from "../lib/filters";
import { DATE_FIELDS, describeFilters } from "../lib/filter-labels";
import { ORDERINGS, STATUSES, VALUE_BASES, type Ordering } from "../lib/list-options";
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

function DateRangesFilter({ filters, onChange }: Omit<Props, "onClear">) {
  const id = useId();
  const active = DATE_FIELDS.filter((f) => filters[f.key]).length;
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm">
          <CalendarRange aria-hidden />
          Dates
          {active > 0 ? (
            <Badge variant="default" className="px-1.5 py-0">
              {active}
            </Badge>
          ) : null}
          <ChevronDown aria-hidden className="opacity-60" />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="grid w-72 gap-3">
        {DATE_FIELDS.map((field) => (
          <div key={field.key} className="grid gap-1.5">
            <Label htmlFor={`${id}-${field.key}`}>{field.label}</Label>
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

interface Chip {
  key: string;
  label: string;
  remove: () => void;
}

function activeChips(filters: CollectibleFilters, onChange: Props["onChange"]): Chip[] {
  return describeFilters(filters).map(({ key, label, clear }) => ({ key, label, remove: () => onChange(clear) }));
}

export function CollectibleFiltersBar({ filters, onChange, onClear }: Props) {
  const sortId = useId();
  const chips = activeChips(filters, onChange);
  return (
    <section aria-label="Filters and sorting" className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <MultiSelectFilter label="Category" options={CATEGORIES} value={filters.category} onChange={(category) => onChange({ category })} />
        <MultiSelectFilter label="Condition" options={CONDITIONS} value={filters.condition} onChange={(condition) => onChange({ condition })} />
        <MultiSelectFilter label="Language" options={LANGUAGES} value={filters.language} onChange={(language) => onChange({ language })} />
        <MultiSelectFilter label="Region" options={MARKET_REGIONS} value={filters.market_region} onChange={(market_region) => onChange({ market_region })} />
        <MultiSelectFilter label="Value from" options={VALUE_BASES} value={filters.value_basis} onChange={(value_basis) => onChange({ value_basis })} />
        <DateRangesFilter filters={filters} onChange={onChange} />
        <MultiSelectFilter label="Status" options={STATUSES} value={filters.status} onChange={(status) => onChange({ status })} />
        <TextFilter key={`tag:${filters.tag}`} label="Tag" icon={Search} value={filters.tag} normalise={(t) => t.trim().toLowerCase()} onCommit={(tag) => onChange({ tag })} />
        <TextFilter
          key={`location:${filters.location}`}
          label="Location"
          icon={MapPin}
          value={filters.location}
          normalise={(t) => t.trim()}
          onCommit={(location) => onChange({ location })}
        />
        <div className="flex items-center gap-2 sm:ml-auto">
          <Label htmlFor={sortId} className="text-muted-foreground">
            Sort
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
                {o.label}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {chips.length > 0 ? (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
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
                  <span className="sr-only">Remove filter {chip.label}</span>
                </button>
              </Badge>
            </li>
          ))}
          {countActiveFilters(filters) > 1 ? (
            <li>
              <Button variant="link" size="sm" className="h-auto px-1" onClick={onClear}>
                Clear all filters
              </Button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
