import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";

type TooltipProps = Pick<TooltipContentProps<number, string>, "active" | "payload" | "label">;

import type { PriceInterval } from "@/lib/api/types";
import { formatMoney } from "@/lib/utils";

import { formatAxisMoney, formatPointDate, priceTicks } from "../lib/format";
import { lineStyle, type ChartRow, type ChartSeries } from "../lib/series";

/**
 * The Recharts line chart. This module is imported lazily (see price-history-card.tsx):
 * Recharts must stay out of the login and collection bundles.
 */
export interface PriceChartProps {
  rows: ChartRow[];
  lines: ChartSeries[];
  currency: string;
  interval: PriceInterval;
}

function ChartTooltip({
  active,
  payload,
  label,
  lines,
  currency,
  interval,
}: Partial<TooltipProps> & { lines: ChartSeries[]; currency: string; interval: PriceInterval }) {
  const { t } = useTranslation("prices");
  if (!active || !payload || payload.length === 0 || typeof label !== "number") return null;
  return (
    <div className="grid gap-1.5 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="font-medium">{formatPointDate(label, interval, t)}</p>
      <ul className="grid gap-1">
        {payload.map((entry) => {
          const line = lines.find((l) => l.key === entry.dataKey);
          if (!line || typeof entry.value !== "number") return null;
          return (
            <li key={line.key} className="flex items-center gap-2">
              <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: line.color }} />
              <span className="text-muted-foreground">{line.label}</span>
              <span className="ml-auto pl-3 font-medium tabular-nums">{formatMoney(entry.value, currency)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export default function PriceChart({ rows, lines, currency, interval }: PriceChartProps) {
  const values = rows.flatMap((row) => lines.map((line) => row[line.key]).filter((v): v is number => v !== undefined));
  const span = values.length > 0 ? Math.max(...values) - Math.min(...values) : 0;
  const single = rows.length === 1;
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* The chart sits in a labelled role="img": no focus stop of its own inside it (Recharts'
          keyboard layer would be an unnamed stop a screen reader cannot read). */}
      <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={priceTicks(rows, interval)}
          tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
          tickLine={false}
          axisLine={{ stroke: "var(--border)" }}
          minTickGap={24}
          padding={single ? { left: 40, right: 40 } : { left: 0, right: 0 }}
        />
        <YAxis
          tickFormatter={(v: number) => formatAxisMoney(v, currency, span)}
          tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          width={72}
          domain={["auto", "auto"]}
        />
        <Tooltip
          cursor={{ stroke: "var(--muted-foreground)", strokeDasharray: "3 3" }}
          content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} lines={lines} currency={currency} interval={interval} />}
        />
        {/* Earlier lines wider, later ones dashed: a series that exactly overlaps another still shows. */}
        {lines.map((line, index) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.label}
            type="monotone"
            stroke={line.color}
            {...lineStyle(index, lines.length)}
            dot={single || rows.length <= 12 ? { r: 3, fill: line.color } : false}
            activeDot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
