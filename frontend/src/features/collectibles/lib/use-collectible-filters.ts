import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import { clearedFilters, filtersToSearchParams, parseFilters, type CollectibleFilters } from "./filters";

/**
 * The collection list's filters, sort and page, read from and written to the URL, so
 * back/forward and shared links restore the view. Any change other than the page itself
 * goes back to page 1.
 */
export function useCollectibleFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);

  const setFilters = useCallback(
    (patch: Partial<CollectibleFilters>) => {
      setSearchParams((previous) => {
        const current = parseFilters(previous);
        const next = { ...current, ...(("page" in patch) ? {} : { page: 1 }), ...patch };
        return filtersToSearchParams(next);
      });
    },
    [setSearchParams],
  );

  const clearFilters = useCallback(() => {
    setSearchParams((previous) => filtersToSearchParams(clearedFilters(parseFilters(previous))));
  }, [setSearchParams]);

  return { filters, setFilters, clearFilters };
}
