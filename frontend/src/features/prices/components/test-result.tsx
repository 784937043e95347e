import { CheckCircle2, CircleAlert } from "lucide-react";
import { useTranslation } from "react-i18next";

import type { TrackerTest } from "@/lib/api/types";
import { formatMoney } from "@/lib/utils";

import { conditionLabel, failureSentence } from "../lib/labels";

/** What a one-off check of a tracker found (nothing was recorded). */
export function TestResult({ result }: { result: TrackerTest }) {
  const { t } = useTranslation("prices");
  if (result.failure) {
    return (
      <div role="status" className="flex gap-2 rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm">
        <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" />
        <div className="min-w-0">
          <p className="font-medium">{t("testResult.failed", { failure: failureSentence(result.failure.kind, t) })}</p>
          <p className="break-words text-muted-foreground">{t("testResult.details", { message: result.failure.message })}</p>
        </div>
      </div>
    );
  }
  if (!result.ok || result.observations.length === 0) {
    return (
      <div role="status" className="flex gap-2 rounded-md border px-3 py-2 text-sm">
        <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
        <p>{t("testResult.nothing")}</p>
      </div>
    );
  }
  return (
    <div role="status" className="flex gap-2 rounded-md border border-success/40 bg-success/5 px-3 py-2 text-sm">
      <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-success" />
      <div className="min-w-0">
        <p className="font-medium">{t("testResult.passed", { count: result.observations.length })}</p>
        <ul className="mt-1 grid gap-0.5 text-muted-foreground">
          {result.observations.slice(0, 6).map((o, index) => (
            <li key={index} className="break-words">
              <span className="font-medium text-foreground tabular-nums">{formatMoney(o.price, o.currency)}</span> · {conditionLabel(o.condition, t)}
              {o.seller ? ` · ${t("testResult.seller", { seller: o.seller })}` : ""}
              {o.title ? ` · ${o.title}` : ""}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
