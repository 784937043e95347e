import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { AlertRuleChanges, AlertRuleRequest } from "@/lib/api/types";

/** Rules are few per user: one page of the largest size holds them all. */
const RULES_PAGE_SIZE = 100;
export const EVENTS_PAGE_SIZE = 25;

export const alertKeys = {
  all: ["alerts"] as const,
  rules: () => [...alertKeys.all, "rules"] as const,
  events: (page: number) => [...alertKeys.all, "events", page] as const,
  itemChoices: (vendor: number | null) => [...alertKeys.all, "item-choices", vendor] as const,
};

export const rulesQueryOptions = () =>
  queryOptions({
    queryKey: alertKeys.rules(),
    queryFn: async ({ signal }) =>
      (await unwrap(apiClient.GET("/api/v1/alert-rules/", { params: { query: { page_size: RULES_PAGE_SIZE } }, signal }))).results,
  });

export const eventsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: alertKeys.events(page),
    queryFn: ({ signal }) => unwrap(apiClient.GET("/api/v1/alert-events/", { params: { query: { page, page_size: EVENTS_PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
  });

export const useAlertRules = () => useQuery(rulesQueryOptions());
export const useAlertEvents = (page: number) => useQuery(eventsQueryOptions(page));

function useRuleMutation<T, R>(mutationFn: (arg: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.rules() }) });
}

export const useCreateAlertRule = () => useRuleMutation((body: AlertRuleRequest) => unwrap(apiClient.POST("/api/v1/alert-rules/", { body })));
export const useUpdateAlertRule = () =>
  useRuleMutation(({ id, body }: { id: number; body: AlertRuleChanges }) =>
    unwrap(apiClient.PATCH("/api/v1/alert-rules/{id}/", { params: { path: { id } }, body })),
  );
export const useDeleteAlertRule = () =>
  useRuleMutation((id: number) => unwrap(apiClient.DELETE("/api/v1/alert-rules/{id}/", { params: { path: { id } } })));
