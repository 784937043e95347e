import { AlertTriangle, ArrowDownRight, ArrowRight, ArrowUpRight, Clock, PackageOpen, Plus } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";

import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import type { CategoryValue, Dashboard, ItemValue, ValueMover } from "@/lib/api/types";
import { cn, formatDate, formatDateTime, formatMoney } from "@/lib/utils";
import { useVendorPreference } from "@/lib/vendor-preference";

import { useDashboard } from "../api/get-dashboard";
import { formatCount, formatSignedMoney, formatSignedPercent, plural, toneOf, type Tone } from "../lib/format";
import { DisplayCurrencyNote } from "./display-currency-note";
import { ValueHistoryCard } from "./value-history-card";

const toneClass: Record<Tone, string> = { up: "text-success", down: "text-destructive", flat: "text-muted-foreground" };

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
        label="Total value"
        value={headline(data.total_value, display?.total_value)}
        detail={`${formatCount(data.priced_count)} of ${plural(data.item_count, "item")} priced`}
      />
      <StatCard testId="cost-basis" label="Cost basis" value={headline(data.cost_basis, display?.cost_basis)} detail="What you paid" />
      <StatCard
        testId="unrealised-gain"
        label="Unrealised gain"
        tone={tone}
        value={
          <span className="inline-flex items-center gap-1">
            {tone !== "flat" ? <Arrow aria-hidden className="size-5 shrink-0" /> : null}
            {display ? formatSignedMoney(display.unrealised_gain, display.currency) : formatSignedMoney(gain.amount, currency)}
          </span>
        }
        detail={
          <>
            <span className={cn("font-medium", toneClass[tone])}>{formatSignedPercent(gain.percent)}</span>
            {` on ${plural(gain.item_count, "item")} with a cost`}
          </>
        }
      />
      <StatCard
        testId="realised-gain"
        label="Realised gain"
        tone={data.sold_count > 0 ? realisedTone : undefined}
        value={data.sold_count > 0 ? formatSignedMoney(realised.amount, currency) : "—"}
        detail={
          data.sold_count > 0 ? (
            <>
              <span className={cn("font-medium", toneClass[realisedTone])}>{formatSignedPercent(realised.percent)}</span>
              {` on ${plural(data.sold_count, "sold item")} (${formatMoney(realised.proceeds, currency)} after fees)`}
            </>
          ) : (
            "Nothing sold yet"
          )
        }
      />
      <StatCard
        testId="item-count"
        label="Items"
        value={formatCount(data.item_count)}
        detail={data.unit_count !== data.item_count ? `${plural(data.unit_count, "unit")} in total` : "One of each"}
      />
    </div>
  );
}

function Callouts({ data, vendor }: { data: Dashboard; vendor: number | null }) {
  const callouts: { key: string; icon: ReactNode; text: string; to: string }[] = [];
  if (data.unpriced_count > 0) {
    const unconvertible = data.unconvertible_count > 0 ? ` (${formatCount(data.unconvertible_count)} for lack of an exchange rate)` : "";
    callouts.push({
      key: "unpriced",
      icon: <AlertTriangle aria-hidden className="size-4 shrink-0 text-warning" />,
      text: `${plural(data.unpriced_count, "item has", "items have")} no value yet${unconvertible} — add a purchase price, a manual price or a price tracker.`,
      to: collectionUrl(vendor, { priced: "false" }),
    });
  }
  if (data.stale_count > 0) {
    callouts.push({
      key: "stale",
      icon: <Clock aria-hidden className="size-4 shrink-0 text-muted-foreground" />,
      text: `${plural(data.stale_count, "price is", "prices are")} more than ${plural(data.stale_after_days, "day")} old — refresh them from the item pages.`,
      to: collectionUrl(vendor, { stale: "true" }),
    });
  }
  if (callouts.length === 0) return null;
  return (
    <ul aria-label="Needs attention" className="grid grid-cols-1 gap-2 sm:grid-cols-2">
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

const BASIS_LABEL: Record<ItemValue["basis"], string> = {
  observed: "Market price",
  manual: "Manual price",
  purchase: "Purchase price",
  none: "No price",
};

function MostValuable({ data }: { data: Dashboard }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Most valuable</CardTitle>
        <CardDescription>Your top items by current value</CardDescription>
      </CardHeader>
      <CardContent>
        {data.most_valuable.length === 0 ? (
          <p className="text-sm text-muted-foreground">No priced items yet.</p>
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
                      {BASIS_LABEL[item.basis]}
                      {item.quantity > 1 ? ` · ×${String(item.quantity)}` : ""}
                      {item.age_days !== null ? ` · ${item.age_days === 0 ? "today" : `${plural(item.age_days, "day")} old`}` : ""}
                    </span>
                  </span>
                  {item.is_stale ? (
                    <span className="inline-flex items-center gap-1 rounded-md bg-muted px-1.5 py-0.5 text-xs text-muted-foreground" title="This price is stale">
                      <Clock aria-hidden className="size-3" /> Stale
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

function MoverRow({ mover, currency }: { mover: ValueMover; currency: string }) {
  const tone = toneOf(mover.change);
  return (
    <li>
      <Link
        to={paths.collectible(mover.item.id)}
        className="flex items-center gap-3 rounded-md px-2 py-2 transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
      >
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium">{mover.item.name}</span>
          <span className="block truncate text-xs text-muted-foreground tabular-nums">
            {formatMoney(mover.previous_value, currency)} → {formatMoney(mover.value, currency)}
          </span>
        </span>
        <span className={cn("text-right text-sm font-semibold tabular-nums", toneClass[tone])}>
          {formatSignedPercent(mover.change_percent)}
          <span className="block text-xs font-normal">{formatSignedMoney(mover.change, currency)}</span>
        </span>
      </Link>
    </li>
  );
}

function MoverList({ title, movers, currency, empty }: { title: string; movers: ValueMover[]; currency: string; empty: string }) {
  return (
    <section aria-label={title} className="min-w-0">
      <h3 className="mb-1 px-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</h3>
      {movers.length === 0 ? (
        <p className="px-2 py-2 text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-0.5">
          {movers.map((m) => (
            <MoverRow key={m.item.id} mover={m} currency={currency} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Movers({ data }: { data: Dashboard }) {
  const [period, setPeriod] = useState<"7d" | "30d">("7d");
  const movers = period === "7d" ? data.movers_7d : data.movers_30d;
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>Top movers</CardTitle>
          <CardDescription>Items with a market price then and now</CardDescription>
        </div>
        <div role="group" aria-label="Movers period" className="inline-flex rounded-md border bg-background p-0.5 shadow-xs dark:bg-input/20">
          {(["7d", "30d"] as const).map((p) => (
            <button
              key={p}
              type="button"
              aria-pressed={period === p}
              onClick={() => setPeriod(p)}
              className={cn(
                "h-7 min-w-10 rounded-sm px-2.5 text-xs font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60 focus-visible:outline-none",
                period === p && "bg-primary text-primary-foreground hover:text-primary-foreground",
              )}
            >
              {p === "7d" ? "7 days" : "30 days"}
            </button>
          ))}
        </div>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <MoverList title="Gainers" movers={movers.gainers} currency={data.currency} empty="Nothing went up." />
        <MoverList title="Losers" movers={movers.losers} currency={data.currency} empty="Nothing went down." />
      </CardContent>
    </Card>
  );
}

const CATEGORY_COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"];

function ByCategory({ categories, currency, total }: { categories: CategoryValue[]; currency: string; total: number }) {
  const max = Math.max(0, ...categories.map((c) => Number(c.value)));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Value by category</CardTitle>
        <CardDescription>Share of the total value</CardDescription>
      </CardHeader>
      <CardContent>
        {categories.length === 0 ? (
          <p className="text-sm text-muted-foreground">No items yet.</p>
        ) : (
          <ul aria-label="Value by category" className="grid grid-cols-1 gap-3">
            {categories.map((c, index) => {
              const value = Number(c.value);
              const share = total > 0 ? (value / total) * 100 : 0;
              return (
                <li key={c.category} className="grid gap-1">
                  <div className="flex items-baseline justify-between gap-3 text-sm">
                    <span className="truncate font-medium">{c.label}</span>
                    <span className="shrink-0 tabular-nums">
                      {formatMoney(c.value, currency)}
                      <span className="ml-2 text-xs text-muted-foreground">{share.toFixed(0)}%</span>
                    </span>
                  </div>
                  <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
                    <div
                      className="h-full rounded-full"
                      style={{ width: `${String(max > 0 ? Math.max(1, (value / max) * 100) : 0)}%`, background: CATEGORY_COLORS[index % CATEGORY_COLORS.length] }}
                    />
                  </div>
                  <p className="text-xs text-muted-foreground">
                    {plural(c.item_count, "item")}
                    {c.priced_count < c.item_count ? ` · ${formatCount(c.priced_count)} priced` : ""}
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
  return (
    <p role="note" data-testid="rates-note" className="mt-1 inline-flex items-center gap-1 text-xs text-muted-foreground">
      <Clock aria-hidden className="size-3 shrink-0 text-warning" />
      {date
        ? `Exchange rates from ${formatDate(date)}, the newest available: amounts in other currencies are converted with them.`
        : "No exchange rates yet: amounts in other currencies have no value until they arrive."}
    </p>
  );
}

export function DashboardSkeleton() {
  return (
    <div role="status" aria-label="Loading dashboard" className="grid gap-4">
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
  const vendor = useVendorPreference();
  const query = useDashboard(vendor);
  const data = query.data;

  let body;
  if (query.isPending) body = <DashboardSkeleton />;
  else if (query.isError) body = <ErrorState title="Could not load the dashboard" error={query.error} onRetry={() => void query.refetch()} />;
  else if (data?.item_count === 0)
    body = (
      <EmptyState
        icon={PackageOpen}
        title="Nothing to value yet"
        description="Add your first card, game, record or coin: its value, gains and price changes will show up here."
        action={
          <Button asChild>
            <Link to={paths.collectibleNew}>
              <Plus aria-hidden /> Add your first item
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
          <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
          <p className="text-sm text-muted-foreground">
            {data ? `${data.vendor.name} · values in ${data.currency} as of ${formatDateTime(data.as_of)}` : "What your collection is worth"}
          </p>
          {data?.exchange_rates.stale ? <RatesNote date={data.exchange_rates.date} /> : null}
        </div>
        <Button asChild variant="outline" size="sm">
          <Link to={collectionUrl(vendor)}>View collection</Link>
        </Button>
      </div>
      {body}
    </div>
  );
}
