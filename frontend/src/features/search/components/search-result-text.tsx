import { Trans, useTranslation } from "react-i18next";

import type { SearchResult } from "@/lib/api/types";

import { categoryLabel, conditionLabel, EXTRA_FIELDS } from "../lib/result-meta";
import { Highlight } from "./highlight";

/** Name, then category · set · number · condition, then any other field that matched. */
export function SearchResultText({ result, extras = 1 }: { result: SearchResult; extras?: number }) {
  const { t } = useTranslation("search");
  const { highlights } = result;
  const matched = EXTRA_FIELDS.filter((f) => highlights[f.field] !== undefined).slice(0, extras);
  return (
    <span className="grid min-w-0 gap-0.5">
      <span className="truncate text-sm font-medium">
        <Highlight html={highlights.name} fallback={result.name} />
      </span>
      <span className="truncate text-xs text-muted-foreground">
        {categoryLabel(result, t)}
        {result.set_name ? (
          <>
            {" · "}
            <Highlight html={highlights.set_name} fallback={result.set_name} />
          </>
        ) : null}
        {result.number ? (
          <>
            {" · "}
            <Trans t={t} i18nKey="result.number" components={{ number: <Highlight html={highlights.number} fallback={result.number} /> }} />
          </>
        ) : null}
        {` · ${conditionLabel(result, t)}`}
        {result.quantity > 1 ? ` · ×${String(result.quantity)}` : ""}
      </span>
      {matched.map((f) => (
        <span key={f.field} className="truncate text-xs text-muted-foreground">
          <span className="font-medium text-foreground/80">{t(f.label)}:</span> <Highlight html={highlights[f.field]} />
        </span>
      ))}
    </span>
  );
}
