import { Bell, CheckCheck } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import { cn, countOf, formatCount, formatDateTime } from "@/lib/utils";

import { useInbox, useMarkAllRead, useMarkRead, useUnreadCount } from "../api/inbox";
import type { AppNotification } from "@/lib/api/types";

/** Only links inside the app are followed from a notification (its text came from data we store). */
function appLink(link: string): string | null {
  return link.startsWith("/") && !link.startsWith("//") ? link : null;
}

/**
 * Marking read says nothing when it works (the row and the badge change), only when it fails.
 * Through the promise: opening a notification closes the popover, and a mutate's own
 * callbacks are dropped once its row has unmounted.
 */
function useMarkReadOrSay() {
  const { t } = useTranslation("notifications");
  const markRead = useMarkRead();
  const mark = (id: number) =>
    void markRead.mutateAsync(id).catch((error: unknown) => toast.error(t("bell.markReadFailed", { message: toApiError(error).message })));
  return { mark, isPending: markRead.isPending };
}

function NotificationRow({ notification, onOpen }: { notification: AppNotification; onOpen: () => void }) {
  const { t } = useTranslation("notifications");
  const markRead = useMarkReadOrSay();
  const unread = notification.read_at === null;
  const to = appLink(notification.link);
  const title = <span className={cn("text-sm", unread && "font-semibold")}>{notification.title}</span>;
  return (
    <li className={cn("grid gap-0.5 border-b px-3 py-2 last:border-b-0", unread && "bg-accent/40")}>
      <div className="flex items-start justify-between gap-2">
        {to ? (
          <Link
            to={to}
            className="hover:underline"
            onClick={() => {
              if (unread) markRead.mark(notification.id);
              onOpen();
            }}
          >
            {title}
          </Link>
        ) : (
          title
        )}
        {unread ? (
          <Button
            variant="ghost"
            size="sm"
            className="h-6 px-2"
            aria-label={t("bell.markReadLabel", { title: notification.title })}
            disabled={markRead.isPending}
            onClick={() => markRead.mark(notification.id)}
          >
            {t("bell.markRead")}
          </Button>
        ) : null}
      </div>
      {notification.body ? <p className="text-xs text-muted-foreground">{notification.body}</p> : null}
      <time className="text-xs text-muted-foreground" dateTime={notification.created_at}>
        {formatDateTime(notification.created_at)}
      </time>
    </li>
  );
}

function InboxList({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation("notifications");
  const inbox = useInbox();
  if (inbox.isPending) {
    return (
      <div className="grid gap-2 p-3" aria-label={t("bell.loading")}>
        <Skeleton className="h-10" />
        <Skeleton className="h-10" />
      </div>
    );
  }
  if (inbox.isError) {
    return (
      <p role="alert" className="p-3 text-sm text-destructive">
        {toApiError(inbox.error).message}
      </p>
    );
  }
  if (inbox.data.results.length === 0) {
    return <p className="p-6 text-center text-sm text-muted-foreground">{t("bell.empty")}</p>;
  }
  return (
    <ul aria-label={t("bell.listLabel")} className="max-h-96 overflow-y-auto">
      {inbox.data.results.map((n) => (
        <NotificationRow key={n.id} notification={n} onOpen={onOpen} />
      ))}
    </ul>
  );
}

/** The header's bell: unread badge (polled), and the inbox in a popover. */
export function NotificationBell() {
  const { t } = useTranslation("notifications");
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount().data ?? 0;
  const markAll = useMarkAllRead();
  const label = unread > 0 ? t("bell.labelUnread", countOf(unread)) : t("bell.label");
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={label} className="relative">
          <Bell />
          {unread > 0 ? (
            <span
              aria-hidden
              data-testid="unread-badge"
              className="absolute top-1 right-1 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] leading-4 font-semibold text-destructive-foreground"
            >
              {unread > 99 ? t("bell.badgeOverflow", { n: formatCount(99) }) : formatCount(unread)}
            </span>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0">
        <div className="flex items-center justify-between border-b px-3 py-2">
          <h2 className="text-sm font-semibold">{t("bell.heading")}</h2>
          <Button
            variant="ghost"
            size="sm"
            disabled={unread === 0 || markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, { onError: (error) => toast.error(t("bell.markAllReadFailed", { message: toApiError(error).message })) })
            }
          >
            <CheckCheck aria-hidden />
            {t("bell.markAllRead")}
          </Button>
        </div>
        <InboxList onOpen={() => setOpen(false)} />
      </PopoverContent>
    </Popover>
  );
}
