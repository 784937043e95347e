import type { SearchResult } from "@/lib/api/types";

import { categoryLabel, conditionLabel, EXTRA_FIELDS } from "../lib/result-meta";
import { Highlight } from "./highlight";

/** Name, then category · set · number · condition, then any other field that matched. */
export function SearchResultText({ result, extras = 1 }: { result: SearchResult; extras?: number }) {
  const { highlights } = result;
  const matched = EXTRA_FIELDS.filter((f) => highlights[f.field] !== undefined).slice(0, extras);
  return (
    <span className="grid min-w-0 gap-0.5">
      <span className="truncate text-sm font-medium">
        <Highlight html={highlights.name} fallback={result.name} />
      </span>
      <span className="truncate text-xs text-muted-foreground">
        {categoryLabel(result)}
        {result.set_name ? (
          <>
            {" · "}
            <Highlight html={highlights.set_name} fallback={result.set_name} />
          </>
        ) : null}
        {result.number ? (
          <>
            {" · #"}
            <Highlight html={highlights.number} fallback={result.number} />
          </>
        ) : null}
        {` · ${conditionLabel(result)}`}
        {result.quantity > 1 ? ` · ×${String(result.quantity)}` : ""}
      </span>
      {matched.map((f) => (
        <span key={f.field} className="truncate text-xs text-muted-foreground">
          <span className="font-medium text-foreground/80">{f.label}:</span> <Highlight html={highlights[f.field]} />
        </span>
      ))}
    </span>
  );
}
