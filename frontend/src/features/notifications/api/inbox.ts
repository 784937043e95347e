import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { PaginatedNotificationList } from "@/lib/api/types";

import { notificationKeys } from "./keys";

/** How often the bell asks for news: alerts fire in the worker, not in this tab. */
export const INBOX_POLL_MS = 30_000;
export const INBOX_PAGE_SIZE = 20;

export function getInbox(signal?: AbortSignal): Promise<PaginatedNotificationList> {
  return unwrap(apiClient.GET("/api/v1/notifications/", { params: { query: { page_size: INBOX_PAGE_SIZE } }, signal }));
}

export async function getUnreadCount(signal?: AbortSignal): Promise<number> {
  const answer = await unwrap(apiClient.GET("/api/v1/notifications/unread-count/", { signal }));
  return answer.unread_count;
}

export const inboxQueryOptions = () =>
  queryOptions({ queryKey: notificationKeys.inbox(), queryFn: ({ signal }) => getInbox(signal) });

export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => getUnreadCount(signal),
    refetchInterval: INBOX_POLL_MS,
    // A background tab has nobody to tell; it catches up on focus.
    refetchIntervalInBackground: false,
  });

export const useInbox = () => useQuery(inboxQueryOptions());
export const useUnreadCount = () => useQuery(unreadCountQueryOptions());

export function markNotificationRead(id: number): Promise<unknown> {
  return unwrap(apiClient.POST("/api/v1/notifications/{id}/read/", { params: { path: { id } } }));
}

export function markAllNotificationsRead(): Promise<unknown> {
  return unwrap(apiClient.POST("/api/v1/notifications/read-all/"));
}

/** Marks the rows read in the open list at once, then reloads inbox and count. */
function useInboxMutation<T>(mutationFn: (arg: T) => Promise<unknown>, matches: (id: number, arg: T) => boolean) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (_data, arg) => {
      const readAt = new Date().toISOString();
      queryClient.setQueryData<PaginatedNotificationList>(notificationKeys.inbox(), (page) =>
        page && { ...page, results: page.results.map((n) => (matches(n.id, arg) && !n.read_at ? { ...n, read_at: readAt } : n)) },
      );
      return queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

export const useMarkRead = () => useInboxMutation(markNotificationRead, (id, arg: number) => id === arg);
export const useMarkAllRead = () => useInboxMutation(() => markAllNotificationsRead(), () => true);
