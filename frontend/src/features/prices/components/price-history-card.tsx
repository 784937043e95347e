import { LineChart as LineChartIcon } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";

import { RangeToggle } from "@/components/range-toggle";
import { EmptyState, ErrorState } from "@/components/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import type { PriceChange, PriceInterval, PriceSeries } from "@/lib/api/types";
import { useRangeParam } from "@/lib/use-range-param";
import { cn, formatDate, formatMoney } from "@/lib/utils";

import { usePriceSeries } from "../api/get-price-series";
import { formatChange } from "../lib/format";
import { seriesLabel } from "../lib/labels";
import { DEFAULT_RANGE, rangeChoices, rangeQuery } from "../lib/ranges";
import { currenciesOf, currentValueSeries, seriesKey, toChartData } from "../lib/series";

// Recharts (~100 KB gzip) is fetched only when a chart is actually drawn.
const PriceChart = lazy(() => import("./price-chart"));

export const RANGE_PARAM = "range";

function ChartSkeleton({ label }: { label?: string }) {
  const { t } = useTranslation("prices");
  return (
    <div role="status" aria-label={label ?? t("history.loading")} className="grid h-72 gap-3">
      <Skeleton className="h-full w-full" />
    </div>
  );
}

function Stat({ label, value, detail, tone }: { label: string; value: string; detail?: string | undefined; tone?: "up" | "down" | undefined }) {
  return (
    <div className="min-w-0 rounded-lg border p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd
        className={cn(
          "mt-1 text-base font-semibold break-words tabular-nums sm:text-lg",
          tone === "up" && "text-success",
          tone === "down" && "text-destructive",
        )}
      >
        {value}
      </dd>
      {detail ? <dd className="truncate text-xs text-muted-foreground">{detail}</dd> : null}
    </div>
  );
}

function toneOf(change: PriceChange | null): "up" | "down" | undefined {
  if (!change) return undefined;
  const value = Number(change.absolute);
  return value > 0 ? "up" : value < 0 ? "down" : undefined;
}

function SummaryStats({ series }: { series: PriceSeries }) {
  const { t } = useTranslation("prices");
  const { summary, currency } = series;
  const none = t("history.stats.none");
  const change = (c: PriceChange | null) => (c ? formatChange(c.absolute, c.percent, currency) : none);
  const from = (c: PriceChange) => t("history.stats.from", { price: formatMoney(c.reference_price, currency) });
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Stat
        label={t("history.stats.latest")}
        value={formatMoney(summary.latest, currency)}
        detail={summary.latest_at ? formatDate(summary.latest_at) : undefined}
      />
      <Stat
        label={t("history.stats.change7d")}
        value={change(summary.change_7d)}
        detail={summary.change_7d ? from(summary.change_7d) : t("history.stats.noWeekOlder")}
        tone={toneOf(summary.change_7d)}
      />
      <Stat
        label={t("history.stats.change30d")}
        value={change(summary.change_30d)}
        detail={summary.change_30d ? from(summary.change_30d) : t("history.stats.noMonthOlder")}
        tone={toneOf(summary.change_30d)}
      />
      <Stat
        label={t("history.stats.lowHigh")}
        value={
          summary.min !== null
            ? t("history.stats.span", { min: formatMoney(summary.min, currency), max: formatMoney(summary.max, currency) })
            : none
        }
      />
    </dl>
  );
}

function Legend({ lines }: { lines: { key: string; label: string; color: string }[] }) {
  const { t } = useTranslation("prices");
  return (
    <ul aria-label={t("history.seriesList")} className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {lines.map((line) => (
        <li key={line.key} className="flex items-center gap-1.5">
          <span aria-hidden className="h-0.5 w-4 rounded-full" style={{ background: line.color }} />
          {line.label}
        </li>
      ))}
    </ul>
  );
}

function SeriesView({ series, interval, itemCondition }: { series: PriceSeries[]; interval: PriceInterval; itemCondition: string | null | undefined }) {
  const { t } = useTranslation("prices");
  const currencies = currenciesOf(series);
  const [pickedCurrency, setCurrency] = useState<string | null>(null);
  const currency = pickedCurrency && currencies.includes(pickedCurrency) ? pickedCurrency : (currencies[0] ?? "");
  const shown = series.filter((s) => s.currency === currency);
  const { rows, lines } = toChartData(shown, t);

  const headline = currentValueSeries(shown, itemCondition)?.series ?? shown[0];
  const [pickedSummary, setSummary] = useState<string | null>(null);
  const summarySeries = shown.find((s) => seriesKey(s) === pickedSummary) ?? headline;

  const first = rows[0];
  const last = rows[rows.length - 1];
  const chartLabel =
    first && last
      ? t("history.chartRange", {
          count: lines.length,
          currency,
          from: formatDate(new Date(first.t).toISOString()),
          to: formatDate(new Date(last.t).toISOString()),
        })
      : t("history.chart");

  return (
    <div className="grid gap-4">
      {summarySeries ? (
        <div className="grid gap-2">
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
            {shown.length > 1 ? (
              <label className="flex items-center gap-2">
                {t("history.summaryFor")}
                <NativeSelect
                  wrapperClassName="w-auto"
                  className="h-7 py-0 text-xs"
                  value={seriesKey(summarySeries)}
                  onChange={(e) => setSummary(e.target.value)}
                >
                  {shown.map((s) => (
                    <option key={seriesKey(s)} value={seriesKey(s)}>
                      {seriesLabel(s, t)}
                    </option>
                  ))}
                </NativeSelect>
              </label>
            ) : (
              <p>{t("history.summaryForSeries", { series: seriesLabel(summarySeries, t) })}</p>
            )}
            {currencies.length > 1 ? (
              <label className="flex items-center gap-2">
                {t("history.currency")}
                <NativeSelect wrapperClassName="w-auto" className="h-7 py-0 text-xs" value={currency} onChange={(e) => setCurrency(e.target.value)}>
                  {currencies.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </NativeSelect>
              </label>
            ) : null}
          </div>
          <SummaryStats series={summarySeries} />
        </div>
      ) : null}
      <figure className="grid gap-2">
        <div role="img" aria-label={chartLabel} className="h-72 w-full">
          <Suspense fallback={<ChartSkeleton label={t("history.loadingChart")} />}>
            <PriceChart rows={rows} lines={lines} currency={currency} interval={interval} />
          </Suspense>
        </div>
        <figcaption>
          <Legend lines={lines} />
        </figcaption>
      </figure>
    </div>
  );
}

export function PriceHistoryCard({ collectibleId, itemCondition }: { collectibleId: number; itemCondition: string | null | undefined }) {
  const { t } = useTranslation("prices");
  const ranges = rangeChoices(t);
  const [range, setRange] = useRangeParam(ranges, DEFAULT_RANGE, RANGE_PARAM);
  const query = rangeQuery(range);
  const prices = usePriceSeries(collectibleId, query);
  const withPoints = prices.data?.series.filter((s) => s.points.length > 0) ?? [];
  // The all-history query (shared with the value card) tells "no prices at all" from
  // "none in this range".
  const allHistory = usePriceSeries(collectibleId, rangeQuery("ALL"));
  const hasAnyHistory = range === "ALL" ? withPoints.length > 0 : (allHistory.data?.series.some((s) => s.points.length > 0) ?? false);

  let body;
  if (prices.isPending || (range !== "ALL" && prices.isSuccess && withPoints.length === 0 && allHistory.isPending)) body = <ChartSkeleton />;
  else if (prices.isError) body = <ErrorState title={t("history.loadError")} error={prices.error} onRetry={() => void prices.refetch()} />;
  else if (withPoints.length === 0) {
    body = (
      <EmptyState
        icon={LineChartIcon}
        title={hasAnyHistory ? t("history.emptyRangeTitle") : t("history.emptyTitle")}
        description={hasAnyHistory ? t("history.emptyRangeDescription") : t("history.emptyDescription")}
        className="py-10"
      />
    );
  } else {
    body = <SeriesView series={withPoints} interval={prices.data.interval} itemCondition={itemCondition} />;
  }

  return (
    <Card aria-busy={prices.isFetching}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle id="price-history-title" className="text-base">
            {t("history.title")}
          </CardTitle>
          <CardDescription>{t("history.description")}</CardDescription>
        </div>
        <RangeToggle choices={ranges} value={range} onChange={setRange} />
      </CardHeader>
      <CardContent className={cn("transition-opacity", prices.isPlaceholderData && "opacity-60")}>{body}</CardContent>
    </Card>
  );
}
