import { AlertTriangle, ArrowDownRight, ArrowRight, ArrowUpRight, Clock, PackageOpen, Plus } from "lucide-react";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import type { CategoryValue, Dashboard } from "@/lib/api/types";
import { cn, countOf, formatCount, formatDate, formatDateTime, formatMoney } from "@/lib/utils";
import { useVendorPreference } from "@/lib/vendor-preference";

import { useDashboard } from "../api/get-dashboard";
import { formatShare, formatSignedMoney, formatSignedPercent, formatToday, TONE_CLASS as toneClass, toneOf, type Tone } from "../lib/format";
import { DisplayCurrencyNote } from "./display-currency-note";
import { Movers } from "./movers-card";
import { ValueHistoryCard } from "./value-history-card";

/** The collection list, narrowed (e.g. `{ priced: "false" }`) and scoped to the vendor shown. */
function collectionUrl(vendor: number | null, filter: Record<string, string> = {}): string {
  const params = new URLSearchParams(vendor === null ? filter : { vendor: String(vendor), ...filter });
  const query = params.toString();
  return query ? `${paths.collection}?${query}` : paths.collection;
}

function StatCard({ label, value, detail, tone, testId }: { label: string; value: ReactNode; detail?: ReactNode; tone?: Tone; testId: string }) {
  return (
    <Card className="min-w-0 p-4 sm:p-5" data-testid={testId}>
      <dl>
        <dt className="text-sm text-muted-foreground">{label}</dt>
        <dd className={cn("mt-1 text-xl font-semibold tracking-tight break-words tabular-nums sm:text-2xl", tone && toneClass[tone])}>{value}</dd>
        {detail ? <dd className="mt-1 text-xs text-muted-foreground">{detail}</dd> : null}
      </dl>
    </Card>
  );
}

function ValueCards({ data }: { data: Dashboard }) {
  const { t } = useTranslation("dashboard");
  const { currency, unrealised_gain: gain, realised_gain: realised, display } = data;
  const tone = toneOf(gain.amount);
  // The headline in the display currency (Settings → Profile) when it differs; the rest stays in the collection's.
  const headline = (amount: string, converted: string | undefined) => (display && converted !== undefined ? formatMoney(converted, display.currency) : formatMoney(amount, currency));
  const Arrow = tone === "down" ? ArrowDownRight : ArrowUpRight;
  const realisedTone = toneOf(realised.amount);
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-5">
      <StatCard
        testId="total-value"
        label={t("cards.totalValue")}
        value={headline(data.total_value, display?.total_value)}
        detail={t("cards.priced", { ...countOf(data.item_count), priced: formatCount(data.priced_count) })}
      />
      <StatCard testId="cost-basis" label={t("cards.costBasis")} value={headline(data.cost_basis, display?.cost_basis)} detail={t("cards.whatYouPaid")} />
      <StatCard
        testId="unrealised-gain"
        label={t("cards.unrealisedGain")}
        tone={tone}
        value={
          <span className="inline-flex items-center gap-1">
            {tone !== "flat" ? <Arrow aria-hidden className="size-5 shrink-0" /> : null}
            {display ? formatSignedMoney(display.unrealised_gain, display.currency) : formatSignedMoney(gain.amount, currency)}
          </span>
        }
        detail={
          <Trans
            t={t}
            i18nKey="cards.unrealisedDetail"
            values={{ ...countOf(gain.item_count), percent: formatSignedPercent(gain.percent) }}
            components={{ tone: <span className={cn("font-medium", toneClass[tone])} /> }}
          />
        }
      />
      <StatCard
        testId="realised-gain"
        label={t("cards.realisedGain")}
        tone={data.sold_count > 0 ? realisedTone : undefined}
        value={data.sold_count > 0 ? formatSignedMoney(realised.amount, currency) : "—"}
        detail={
          data.sold_count > 0 ? (
            <Trans
              t={t}
              i18nKey="cards.realisedDetail"
              values={{ ...countOf(data.sold_count), percent: formatSignedPercent(realised.percent), proceeds: formatMoney(realised.proceeds, currency) }}
              components={{ tone: <span className={cn("font-medium", toneClass[realisedTone])} /> }}
            />
          ) : (
            t("cards.nothingSold")
          )
        }
      />
      <StatCard
        testId="item-count"
        label={t("cards.items")}
        value={formatCount(data.item_count)}
        detail={data.unit_count !== data.item_count ? t("cards.units", countOf(data.unit_count)) : t("cards.oneOfEach")}
      />
    </div>
  );
}

function Callouts({ data, vendor }: { data: Dashboard; vendor: number | null }) {
  const { t } = useTranslation("dashboard");
  const callouts: { key: string; icon: ReactNode; text: string; to: string }[] = [];
  if (data.unpriced_count > 0) {
    const unpriced = countOf(data.unpriced_count);
    callouts.push({
      key: "unpriced",
      icon: <AlertTriangle aria-hidden className="size-4 shrink-0 text-warning" />,
      text:
        data.unconvertible_count > 0
          ? t("callouts.unpricedUnconvertible", { ...unpriced, unconvertible: formatCount(data.unconvertible_count) })
          : t("callouts.unpriced", unpriced),
      to: collectionUrl(vendor, { priced: "false" }),
    });
  }
  if (data.stale_count > 0) {
    callouts.push({
      key: "stale",
      icon: <Clock aria-hidden className="size-4 shrink-0 text-muted-foreground" />,
      text: t("callouts.stale", { ...countOf(data.stale_count), age: t("callouts.days", countOf(data.stale_after_days)) }),
      to: collectionUrl(vendor, { stale: "true" }),
    });
  }
  if (callouts.length === 0) return null;
  return (
    <ul aria-label={t("callouts.label")} className="grid grid-cols-1 gap-2 sm:grid-cols-2">
      {callouts.map((c) => (
        <li key={c.key}>
          <Link
            to={c.to}
            className="flex h-full items-start gap-3 rounded-lg border bg-card px-4 py-3 text-sm transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
          >
            <span className="mt-0.5">{c.icon}</span>
            <span className="flex-1">{c.text}</span>
            <ArrowRight aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
          </Link>
        </li>
      ))}
    </ul>
  );
}

function MostValuable({ data }: { data: Dashboard }) {
  const { t } = useTranslation("dashboard");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("mostValuable.title")}</CardTitle>
        <CardDescription>{t("mostValuable.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {data.most_valuable.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("mostValuable.empty")}</p>
        ) : (
          <ol className="grid grid-cols-1 gap-1">
            {data.most_valuable.map((item, index) => (
              <li key={item.id}>
                <Link
                  to={paths.collectible(item.id)}
                  className="flex items-center gap-3 rounded-md px-2 py-2 transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
                >
                  <span className="w-5 text-right text-xs text-muted-foreground tabular-nums">{index + 1}</span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium">{item.name}</span>
                    <span className="block truncate text-xs text-muted-foreground">
                      {[
                        t(`mostValuable.basis.${item.basis}`),
                        item.quantity > 1 ? t("mostValuable.quantity", { n: formatCount(item.quantity) }) : null,
                        item.age_days === null ? null : item.age_days === 0 ? formatToday() : t("mostValuable.age", countOf(item.age_days)),
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </span>
                  {item.is_stale ? (
                    <span className="inline-flex items-center gap-1 rounded-md bg-muted px-1.5 py-0.5 text-xs text-muted-foreground" title={t("mostValuable.staleTitle")}>
                      <Clock aria-hidden className="size-3" /> {t("mostValuable.stale")}
                    </span>
                  ) : null}
                  <span className="text-sm font-semibold tabular-nums">{formatMoney(item.value, data.currency)}</span>
                </Link>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

const CATEGORY_COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"];

function ByCategory({ categories, currency, total }: { categories: CategoryValue[]; currency: string; total: number }) {
  const { t } = useTranslation("dashboard");
  const max = Math.max(0, ...categories.map((c) => Number(c.value)));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("byCategory.title")}</CardTitle>
        <CardDescription>{t("byCategory.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {categories.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("byCategory.empty")}</p>
        ) : (
          <ul aria-label={t("byCategory.title")} className="grid grid-cols-1 gap-3">
            {categories.map((c, index) => {
              const value = Number(c.value);
              const share = total > 0 ? (value / total) * 100 : 0;
              return (
                <li key={c.category} className="grid gap-1">
                  <div className="flex items-baseline justify-between gap-3 text-sm">
                    <span className="truncate font-medium">{c.label}</span>
                    <span className="shrink-0 tabular-nums">
                      {formatMoney(c.value, currency)}
                      <span className="ml-2 text-xs text-muted-foreground">{formatShare(share)}</span>
                    </span>
                  </div>
                  <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
                    <div
                      className="h-full rounded-full"
                      style={{ width: `${String(max > 0 ? Math.max(1, (value / max) * 100) : 0)}%`, background: CATEGORY_COLORS[index % CATEGORY_COLORS.length] }}
                    />
                  </div>
                  <p className="text-xs text-muted-foreground">
                    {c.priced_count < c.item_count
                      ? t("byCategory.itemsPriced", { ...countOf(c.item_count), priced: formatCount(c.priced_count) })
                      : t("byCategory.items", countOf(c.item_count))}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** The exchange rates are older than the server uses them for (it carries the last ones forward). */
function RatesNote({ date }: { date: string | null }) {
  const { t } = useTranslation("dashboard");
  return (
    <p role="note" data-testid="rates-note" className="mt-1 inline-flex items-center gap-1 text-xs text-muted-foreground">
      <Clock aria-hidden className="size-3 shrink-0 text-warning" />
      {date ? t("ratesNote.stale", { date: formatDate(date) }) : t("ratesNote.none")}
    </p>
  );
}

export function DashboardSkeleton() {
  const { t } = useTranslation("dashboard");
  return (
    <div role="status" aria-label={t("loading")} className="grid gap-4">
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-80 rounded-xl" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-72 rounded-xl" />
        <Skeleton className="h-72 rounded-xl" />
      </div>
    </div>
  );
}

/** The landing page: what the selected collection is worth, how it moved, what needs care. */
export function DashboardView() {
  const { t } = useTranslation("dashboard");
  const vendor = useVendorPreference();
  const query = useDashboard(vendor);
  const data = query.data;

  let body;
  if (query.isPending) body = <DashboardSkeleton />;
  else if (query.isError) body = <ErrorState title={t("loadError")} error={query.error} onRetry={() => void query.refetch()} />;
  else if (data?.item_count === 0)
    body = (
      <EmptyState
        icon={PackageOpen}
        title={t("empty.title")}
        description={t("empty.description")}
        action={
          <Button asChild>
            <Link to={paths.collectibleNew}>
              <Plus aria-hidden /> {t("empty.action")}
            </Link>
          </Button>
        }
      />
    );
  else if (data)
    body = (
      <div className="grid grid-cols-1 gap-4">
        <ValueCards data={data} />
        <DisplayCurrencyNote data={data} />
        <Callouts data={data} vendor={vendor} />
        <ValueHistoryCard vendor={vendor} />
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <MostValuable data={data} />
          <Movers data={data} />
        </div>
        <ByCategory categories={data.by_category} currency={data.currency} total={Number(data.total_value)} />
      </div>
    );

  return (
    <div className="grid grid-cols-1 gap-5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("header.title")}</h1>
          <p className="text-sm text-muted-foreground">
            {data ? t("header.asOf", { vendor: data.vendor.name, currency: data.currency, date: formatDateTime(data.as_of) }) : t("header.subtitle")}
          </p>
          {data?.exchange_rates.stale ? <RatesNote date={data.exchange_rates.date} /> : null}
        </div>
        <Button asChild variant="outline" size="sm">
          <Link to={collectionUrl(vendor)}>{t("header.viewCollection")}</Link>
        </Button>
      </div>
      {body}
    </div>
  );
}
