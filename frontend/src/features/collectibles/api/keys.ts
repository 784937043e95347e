import type { CollectibleListQuery } from "@/lib/api/types";

export const collectibleKeys = {
  all: ["collectibles"] as const,
  lists: () => [...collectibleKeys.all, "list"] as const,
  list: (query: CollectibleListQuery) => [...collectibleKeys.lists(), query] as const,
  details: () => [...collectibleKeys.all, "detail"] as const,
  detail: (id: number) => [...collectibleKeys.details(), id] as const,
};
