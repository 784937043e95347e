import type { SearchQuery } from "@/lib/api/types";

export const searchKeys = {
  all: ["search"] as const,
  results: (query: SearchQuery) => [...searchKeys.all, query] as const,
};
