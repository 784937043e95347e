import { lazy, Suspense } from "react";

import { useDeferredLoad } from "@/lib/use-deferred-load";

// The menu (Radix Menu, Floating UI) weighs more than a whole sign-in form: it arrives
// just after the first paint, like the signed-in header's menus (app/layout/shell-menus).
const ThemeToggle = lazy(() => import("./theme-toggle").then((m) => ({ default: m.ThemeToggle })));

/** Its room until the menu's code is there, so nothing moves when it arrives. */
function Placeholder({ onWanted }: { onWanted?: () => void }) {
  return <span aria-hidden className="size-9" onPointerEnter={onWanted} onPointerDown={onWanted} />;
}

/** The colour theme menu of the pages outside the signed-in shell (sign-in, shared pages). */
export function DeferredThemeToggle() {
  const [ready, load] = useDeferredLoad();
  if (!ready) return <Placeholder onWanted={load} />;
  return (
    <Suspense fallback={<Placeholder />}>
      <ThemeToggle />
    </Suspense>
  );
}
