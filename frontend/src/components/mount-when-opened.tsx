import { Suspense, useState, type ReactNode } from "react";

/**
 * For a dialog opened from state rather than by a trigger (a button's `setOpen(true)`):
 * its `React.lazy` component is mounted, and so fetched, once `open` first turns true,
 * then stays mounted (closing animates, its state lives on as before).
 */
export function MountWhenOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
