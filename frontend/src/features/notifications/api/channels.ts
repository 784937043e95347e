import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { NotificationChannel, NotificationChannelChanges, NotificationChannelRequest } from "@/lib/api/types";

import { notificationKeys } from "./keys";

/** A user has a handful of channels: the API lists them all, unpaginated. */
export function getChannels(signal?: AbortSignal): Promise<NotificationChannel[]> {
  return unwrap(apiClient.GET("/api/v1/notification-channels/", { signal }));
}

export const channelsQueryOptions = () =>
  queryOptions({ queryKey: notificationKeys.channels(), queryFn: ({ signal }) => getChannels(signal) });

export const useChannels = () => useQuery(channelsQueryOptions());

function useChannelMutation<T, R>(mutationFn: (arg: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Also after a test: its outcome is the channel's last_error / last_delivered_at.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.channels() }),
  });
}

export const useCreateChannel = () =>
  useChannelMutation((body: NotificationChannelRequest) => unwrap(apiClient.POST("/api/v1/notification-channels/", { body })));

export const useUpdateChannel = () =>
  useChannelMutation(({ id, body }: { id: number; body: NotificationChannelChanges }) =>
    unwrap(apiClient.PATCH("/api/v1/notification-channels/{id}/", { params: { path: { id } }, body })),
  );

export const useDeleteChannel = () =>
  useChannelMutation((id: number) => unwrap(apiClient.DELETE("/api/v1/notification-channels/{id}/", { params: { path: { id } } })));

/** Sends a test message now; the answer says whether it went out (and why not). */
export const useTestChannel = () =>
  useChannelMutation((id: number) => unwrap(apiClient.POST("/api/v1/notification-channels/{id}/test/", { params: { path: { id } } })));
