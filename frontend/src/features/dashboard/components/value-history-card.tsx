import { LineChart as LineChartIcon } from "lucide-react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";

import { RangeToggle } from "@/components/range-toggle";
import { ErrorState } from "@/components/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useRangeParam } from "@/lib/use-range-param";
import { cn, formatDate } from "@/lib/utils";

import { useValueHistory } from "../api/get-value-history";
import { DEFAULT_VALUE_RANGE, valueRanges } from "../lib/ranges";
import type { ValueChartRow } from "./value-chart";

// Recharts (~100 KB gzip) is fetched only when the chart is drawn.
const ValueChart = lazy(() => import("./value-chart"));

export const RANGE_PARAM = "range";

function ChartSkeleton() {
  const { t } = useTranslation("dashboard");
  return (
    <div role="status" aria-label={t("history.loadingChart")} className="h-64 sm:h-72">
      <Skeleton className="h-full w-full" />
    </div>
  );
}

export function ValueHistoryCard({ vendor }: { vendor: number | null }) {
  const { t } = useTranslation("dashboard");
  const ranges = valueRanges(t);
  const [range, setRange] = useRangeParam(ranges, DEFAULT_VALUE_RANGE, RANGE_PARAM);
  const query = useValueHistory(vendor, range);
  const history = query.data;
  const rows: ValueChartRow[] = (history?.points ?? []).map((p) => ({
    t: Date.parse(`${p.day}T00:00:00Z`),
    value: Number(p.total_value),
    cost: Number(p.cost_basis),
  }));

  let body;
  if (query.isPending) body = <ChartSkeleton />;
  else if (query.isError) body = <ErrorState title={t("history.loadError")} error={query.error} onRetry={() => void query.refetch()} />;
  else if (rows.length === 0 || !history)
    body = (
      <div className="flex h-64 flex-col items-center justify-center gap-2 rounded-lg border border-dashed text-center text-sm text-muted-foreground sm:h-72">
        <LineChartIcon aria-hidden className="size-6" />
        <p>{t("history.empty")}</p>
      </div>
    );
  else
    body = (
      <figure
        role="img"
        aria-label={t("history.chartLabel", { from: formatDate(history.points[0]?.day), to: formatDate(history.points.at(-1)?.day) })}
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
          <CardTitle>{t("history.title")}</CardTitle>
          <CardDescription className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span className="flex items-center gap-1.5">
              <span aria-hidden className="h-0.5 w-4 rounded-full" style={{ background: "var(--chart-1)" }} />
              {t("history.value")}
            </span>
            <span className="flex items-center gap-1.5">
              <span aria-hidden className="h-0 w-4 border-t-2 border-dashed border-muted-foreground" />
              {t("history.costBasis")}
            </span>
          </CardDescription>
        </div>
        <RangeToggle choices={ranges} value={range} onChange={setRange} />
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
