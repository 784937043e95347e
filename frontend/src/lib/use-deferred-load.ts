import { useCallback, useEffect, useState } from "react";

/** How long after the first paint a deferred part of the shell is fetched anyway. */
export const DEFER_MS = 1000;

/**
 * For parts of a screen that can arrive a moment after its first numbers (menus, the
 * search palette): `ready` turns true `delayMs` after mounting, or at once when `load()`
 * is called (on hover, focus, click or a shortcut), whichever comes first. Their code then
 * stays out of the first screen's JavaScript (scripts/bundle-report.mjs).
 */
export function useDeferredLoad(delayMs: number = DEFER_MS): [boolean, () => void] {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    const timer = window.setTimeout(() => setReady(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [ready, delayMs]);
  const load = useCallback(() => setReady(true), []);
  return [ready, load];
}
