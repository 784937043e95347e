import { LineChart as LineChartIcon } from "lucide-react";
import { lazy, Suspense } from "react";
import { useSearchParams } from "react-router";

import { ErrorState } from "@/components/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { ValueRange } from "@/lib/api/types";
import { cn, formatDate } from "@/lib/utils";

import { useValueHistory } from "../api/get-value-history";
import { DEFAULT_VALUE_RANGE, parseValueRange, VALUE_RANGES } from "../lib/ranges";
import type { ValueChartRow } from "./value-chart";

// Recharts (~100 KB gzip) is fetched only when the chart is drawn.
const ValueChart = lazy(() => import("./value-chart"));

export const RANGE_PARAM = "range";

/** The range lives in the URL (`/?range=3m`), so reloads and shared links keep it. */
function useRange(): [ValueRange, (range: ValueRange) => void] {
  const [params, setParams] = useSearchParams();
  const range = parseValueRange(params.get(RANGE_PARAM));
  const setRange = (next: ValueRange) =>
    setParams(
      (prev) => {
        const search = new URLSearchParams(prev);
        if (next === DEFAULT_VALUE_RANGE) search.delete(RANGE_PARAM);
        else search.set(RANGE_PARAM, next);
        return search;
      },
      { replace: true, preventScrollReset: true },
    );
  return [range, setRange];
}

function RangeToggle({ value, onChange }: { value: ValueRange; onChange: (range: ValueRange) => void }) {
  return (
    <div role="group" aria-label="Chart range" className="inline-flex rounded-md border bg-background p-0.5 shadow-xs dark:bg-input/20">
      {VALUE_RANGES.map((range) => (
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

function ChartSkeleton() {
  return (
    <div role="status" aria-label="Loading chart" className="h-64 sm:h-72">
      <Skeleton className="h-full w-full" />
    </div>
  );
}

export function ValueHistoryCard({ vendor }: { vendor: number | null }) {
  const [range, setRange] = useRange();
  const query = useValueHistory(vendor, range);
  const history = query.data;
  const rows: ValueChartRow[] = (history?.points ?? []).map((p) => ({
    t: Date.parse(`${p.day}T00:00:00Z`),
    value: Number(p.total_value),
    cost: Number(p.cost_basis),
  }));

  let body;
  if (query.isPending) body = <ChartSkeleton />;
  else if (query.isError) body = <ErrorState title="Could not load the value history" error={query.error} onRetry={() => void query.refetch()} />;
  else if (rows.length === 0 || !history)
    body = (
      <div className="flex h-64 flex-col items-center justify-center gap-2 rounded-lg border border-dashed text-center text-sm text-muted-foreground sm:h-72">
        <LineChartIcon aria-hidden className="size-6" />
        <p>No value history yet — it is recorded once a day.</p>
      </div>
    );
  else
    body = (
      <figure
        role="img"
        aria-label={`Collection value from ${formatDate(history.points[0]?.day)} to ${formatDate(history.points.at(-1)?.day)}`}
        className={cn("h-64 transition-opacity sm:h-72", query.isPlaceholderData && "opacity-60")}
      >
        <Suspense fallback={<ChartSkeleton />}>
          <ValueChart rows={rows} currency={history.currency} range={range} />
        </Suspense>
      </figure>
    );

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>Value over time</CardTitle>
          <CardDescription className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span className="flex items-center gap-1.5">
              <span aria-hidden className="h-0.5 w-4 rounded-full" style={{ background: "var(--chart-1)" }} />
              Value
            </span>
            <span className="flex items-center gap-1.5">
              <span aria-hidden className="h-0 w-4 border-t-2 border-dashed border-muted-foreground" />
              Cost basis
            </span>
          </CardDescription>
        </div>
        <RangeToggle value={range} onChange={setRange} />
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
