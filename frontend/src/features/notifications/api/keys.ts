export const notificationKeys = {
  all: ["notifications"] as const,
  inbox: () => [...notificationKeys.all, "inbox"] as const,
  unreadCount: () => [...notificationKeys.all, "unread-count"] as const,
  channels: () => [...notificationKeys.all, "channels"] as const,
};
