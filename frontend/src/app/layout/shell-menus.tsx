import { lazy, Suspense } from "react";

import { useDeferredLoad } from "@/lib/use-deferred-load";

// Dropdown menus and the inbox's popover (Radix Menu, Popover, Floating UI) are the
// shell's largest code that no first number needs.
const NotificationBell = lazy(() =>
  import("@/features/notifications/components/notification-bell").then((m) => ({ default: m.NotificationBell })),
);
const ThemeToggle = lazy(() => import("@/components/theme-toggle").then((m) => ({ default: m.ThemeToggle })));
const UserMenu = lazy(() => import("@/features/auth/components/user-menu").then((m) => ({ default: m.UserMenu })));

/** Until the menus' code is there: their room, so nothing moves when they arrive. */
function Placeholder({ onWanted }: { onWanted?: () => void }) {
  return (
    <span aria-hidden className="flex items-center gap-1" onPointerEnter={onWanted} onPointerDown={onWanted}>
      <span className="size-9" />
      <span className="size-9" />
      <span className="m-0.5 size-8 rounded-full bg-muted" />
    </span>
  );
}

/** The inbox, theme and account menus at the header's end, fetched just after the first paint. */
export function ShellMenus() {
  const [ready, load] = useDeferredLoad();
  if (!ready) return <Placeholder onWanted={load} />;
  return (
    <Suspense fallback={<Placeholder />}>
      <NotificationBell />
      <ThemeToggle />
      <UserMenu />
    </Suspense>
  );
}
