import { useTranslation } from "react-i18next";
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";

import type { ValueRange } from "@/lib/api/types";
import { formatDay, tickFormatter } from "@/lib/chart-dates";
import { formatMoney } from "@/lib/utils";

import { formatCompactMoney } from "../lib/format";

/**
 * The Recharts chart of the collection's value. Imported lazily (value-history-card.tsx):
 * Recharts stays out of the login and collection bundles.
 */
export interface ValueChartRow {
  /** UTC midnight of the day, ms. */
  t: number;
  value: number;
  cost: number;
}

export interface ValueChartProps {
  rows: ValueChartRow[];
  currency: string;
  range: ValueRange;
}

const VALUE_COLOR = "var(--chart-1)";
const COST_COLOR = "var(--muted-foreground)";

function ticks(rows: ValueChartRow[], range: ValueRange): (time: number) => string {
  const first = rows[0]?.t ?? 0;
  const last = rows.at(-1)?.t ?? first;
  return tickFormatter(range === "1y" || range === "all" ? "month" : "day", first, last);
}

type TooltipProps = Pick<TooltipContentProps<number, string>, "active" | "payload" | "label">;

function ChartTooltip({ active, payload, label, currency }: Partial<TooltipProps> & { currency: string }) {
  const { t } = useTranslation("dashboard");
  if (!active || !payload || payload.length === 0 || typeof label !== "number") return null;
  const row = payload[0]?.payload as ValueChartRow | undefined;
  if (!row) return null;
  return (
    <div className="grid gap-1.5 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="font-medium">{formatDay(label)}</p>
      <p className="flex items-center gap-2">
        <span aria-hidden className="size-2 rounded-full" style={{ background: VALUE_COLOR }} />
        <span className="text-muted-foreground">{t("history.value")}</span>
        <span className="ml-auto pl-3 font-medium tabular-nums">{formatMoney(row.value, currency)}</span>
      </p>
      <p className="flex items-center gap-2">
        <span aria-hidden className="size-2 rounded-full" style={{ background: COST_COLOR }} />
        <span className="text-muted-foreground">{t("history.costBasis")}</span>
        <span className="ml-auto pl-3 font-medium tabular-nums">{formatMoney(row.cost, currency)}</span>
      </p>
    </div>
  );
}

export default function ValueChart({ rows, currency, range }: ValueChartProps) {
  const { t } = useTranslation("dashboard");
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* Inside a labelled role="img": no focus stop of its own (see prices/components/price-chart.tsx). */}
      <ComposedChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
        <defs>
          <linearGradient id="value-fill" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={VALUE_COLOR} stopOpacity={0.3} />
            <stop offset="100%" stopColor={VALUE_COLOR} stopOpacity={0.02} />
          </linearGradient>
        </defs>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={ticks(rows, range)}
          tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
          tickLine={false}
          axisLine={{ stroke: "var(--border)" }}
          minTickGap={28}
          padding={rows.length === 1 ? { left: 40, right: 40 } : { left: 0, right: 0 }}
        />
        <YAxis
          tickFormatter={(v: number) => formatCompactMoney(v, currency)}
          tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          width={64}
          // Fitted to the data (like the item price chart) so day-to-day changes stay visible.
          domain={["auto", "auto"]}
        />
        <Tooltip
          cursor={{ stroke: "var(--muted-foreground)", strokeDasharray: "3 3" }}
          content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} currency={currency} />}
        />
        <Area dataKey="value" name={t("history.value")} type="monotone" stroke={VALUE_COLOR} strokeWidth={2} fill="url(#value-fill)" baseValue="dataMin" isAnimationActive={false} dot={rows.length === 1} />
        <Line dataKey="cost" name={t("history.costBasis")} type="stepAfter" stroke={COST_COLOR} strokeWidth={1.5} strokeDasharray="4 4" dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
