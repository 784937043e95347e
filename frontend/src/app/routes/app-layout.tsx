import { useSyncExternalStore } from "react";

import { tokenStore } from "@/lib/api/token-store";

import { AppShell } from "../layout/app-shell";
import { BootScreen } from "../route-error";

export function Component() {
  // On logout the token goes first, then the cache is cleared and we leave for /login:
  // unmount the signed-in UI at once so nothing refetches without a session meanwhile.
  const token = useSyncExternalStore(tokenStore.subscribe, tokenStore.get);
  return token ? <AppShell /> : <BootScreen />;
}
