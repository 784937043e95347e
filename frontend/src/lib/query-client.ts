import { QueryClient } from "@tanstack/react-query";

import { isApiError } from "./api/errors";

/** Client errors (4xx) are answers, not glitches: retry only network and 5xx failures. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** The app's one query client (route loaders and components share its cache). */
export const queryClient = createQueryClient();
