import type { QueryClient } from "@tanstack/react-query";

import { tokenStore } from "./api/token-store";

/**
 * Ends the local session: forgets the access token and every cached query (so no data of
 * the previous user survives), then goes to the login page.
 */
export function endLocalSession(queryClient: QueryClient, goToLogin: () => void): void {
  tokenStore.clear();
  queryClient.cancelQueries().catch(() => undefined);
  queryClient.clear();
  goToLogin();
}
