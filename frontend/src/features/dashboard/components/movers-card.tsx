import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { paths } from "@/config/paths";
import type { Dashboard, ValueMover } from "@/lib/api/types";
import { cn, formatMoney } from "@/lib/utils";

import { formatSignedMoney, formatSignedPercent, TONE_CLASS as toneClass, toneOf } from "../lib/format";

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

const PERIODS = ["7d", "30d"] as const;

/** The items whose market price moved most over 7 or 30 days, up and down. */
export function Movers({ data }: { data: Dashboard }) {
  const { t } = useTranslation("dashboard");
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>("7d");
  const movers = period === "7d" ? data.movers_7d : data.movers_30d;
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>{t("movers.title")}</CardTitle>
          <CardDescription>{t("movers.description")}</CardDescription>
        </div>
        <div role="group" aria-label={t("movers.period")} className="inline-flex rounded-md border bg-background p-0.5 shadow-xs dark:bg-input/20">
          {PERIODS.map((p) => (
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
              {p === "7d" ? t("movers.period7d") : t("movers.period30d")}
            </button>
          ))}
        </div>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <MoverList title={t("movers.gainers")} movers={movers.gainers} currency={data.currency} empty={t("movers.noGainers")} />
        <MoverList title={t("movers.losers")} movers={movers.losers} currency={data.currency} empty={t("movers.noLosers")} />
      </CardContent>
    </Card>
  );
}
