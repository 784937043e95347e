import { useSearchParams } from "react-router";

export interface RangeChoice<K extends string> {
  key: K;
  label: string;
  title: string;
}

/**
 * The chart range chosen from `choices`, kept in the URL (`?range=…`, omitted for the
 * default) so reloads, back/forward and shared links keep it.
 */
export function useRangeParam<K extends string>(
  choices: readonly RangeChoice<K>[],
  fallback: K,
  param = "range",
): [K, (key: K) => void] {
  const [params, setParams] = useSearchParams();
  const range = choices.find((c) => c.key === params.get(param))?.key ?? fallback;
  const setRange = (key: K) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === fallback) next.delete(param);
        else next.set(param, key);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  return [range, setRange];
}
