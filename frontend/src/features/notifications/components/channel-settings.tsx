import { BellRing, Mail, Plus, Send, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useQueryClient } from "@tanstack/react-query";
import { deleteWithUndo } from "@/components/delete-with-undo";
import { notificationKeys } from "../api/keys";
import { EmptyState, ErrorState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import { formatDateTime } from "@/lib/utils";

import { useChannels, useCreateChannel, useDeleteChannel, useTestChannel, useUpdateChannel } from "../api/channels";
import type { NotificationChannel } from "@/lib/api/types";
import { hourLabel } from "../lib/channel-form";
import { ChannelForm } from "./channel-form";

function ChannelCard({ channel, onEdit }: { channel: NotificationChannel; onEdit: () => void }) {
  const { t } = useTranslation(["notifications", "common"]);
  const test = useTestChannel();
  const remove = useDeleteChannel();
  const queryClient = useQueryClient();
  const quiet =
    channel.quiet_start && channel.quiet_end ? t("card.quiet", { from: channel.quiet_start.slice(0, 5), until: channel.quiet_end.slice(0, 5) }) : null;
  return (
    <li>
      <Card>
        <CardHeader className="flex flex-row items-start justify-between gap-2">
          <div className="grid gap-1">
            <CardTitle className="flex items-center gap-2 text-base">
              {channel.kind === "email" ? <Mail aria-hidden className="size-4" /> : <BellRing aria-hidden className="size-4" />}
              {channel.name}
            </CardTitle>
            <p className="text-sm text-muted-foreground">
              {channel.kind === "email" ? channel.email_target || channel.email : channel.apprise_url_masked}
            </p>
          </div>
          <div className="flex flex-wrap gap-1">
            <Badge variant="outline">{channel.mode === "digest" ? t("card.digest", { hour: hourLabel(channel.digest_hour) }) : t("card.instant")}</Badge>
            {quiet ? <Badge variant="outline">{quiet}</Badge> : null}
            {channel.enabled ? null : <Badge>{t("card.disabled")}</Badge>}
          </div>
        </CardHeader>
        <CardContent className="grid gap-3">
          {channel.last_error ? (
            <p role="status" className="text-sm text-destructive">
              {t("card.lastFailed", { error: channel.last_error })}
            </p>
          ) : channel.last_delivered_at ? (
            <p className="text-sm text-muted-foreground">{t("card.lastDelivered", { date: formatDateTime(channel.last_delivered_at) })}</p>
          ) : null}
          {test.data ? (
            <p role="status" className={test.data.sent ? "text-sm text-emerald-700 dark:text-emerald-400" : "text-sm text-destructive"}>
              {test.data.sent ? t("card.testSent") : t("card.testFailed")} {test.data.detail}
            </p>
          ) : null}
          {test.isError ? (
            <p role="status" className="text-sm text-destructive">
              {toApiError(test.error).message}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" size="sm" disabled={test.isPending} onClick={() => test.mutate(channel.id)}>
              <Send aria-hidden />
              {test.isPending ? t("card.sending") : t("card.sendTest")}
            </Button>
            <Button variant="outline" size="sm" onClick={onEdit}>
              {t("common:actions.edit")}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              aria-label={t("card.deleteLabel", { name: channel.name })}
              disabled={remove.isPending}
              onClick={() =>
                deleteWithUndo({
                  queryClient, lists: notificationKeys.channels(), ids: [channel.id], message: t("card.deleted", { name: channel.name }),
                  send: () => remove.mutateAsync(channel.id),
                })
              }
            >
              <Trash2 aria-hidden />
            </Button>
          </div>
        </CardContent>
      </Card>
    </li>
  );
}

/** Where notifications go besides the in-app inbox: email and Apprise push channels. */
export function ChannelSettings() {
  const { t } = useTranslation("notifications");
  const channels = useChannels();
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const [editing, setEditing] = useState<NotificationChannel | "new" | null>(null);

  let content;
  if (channels.isPending) content = <Skeleton className="h-32" />;
  else if (channels.isError) content = <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />;
  else if (channels.data.length === 0) {
    content = (
      <EmptyState
        icon={BellRing}
        title={t("channels.emptyTitle")}
        description={t("channels.emptyDescription")}
      />
    );
  } else {
    content = (
      <ul className="grid gap-3" aria-label={t("channels.listLabel")}>
        {channels.data.map((c) => (
          <ChannelCard key={c.id} channel={c} onEdit={() => setEditing(c)} />
        ))}
      </ul>
    );
  }

  return (
    <div className="grid gap-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("channels.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("channels.description")}</p>
        </div>
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden />
          {t("channels.add")}
        </Button>
      </div>
      {content}
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent>
          <DialogTitle>{editing === "new" ? t("channels.addTitle") : t("channels.editTitle")}</DialogTitle>
          <DialogDescription>{t("channels.dialogDescription")}</DialogDescription>
          {editing !== null ? (
            <ChannelForm
              channel={editing === "new" ? undefined : editing}
              onCancel={() => setEditing(null)}
              onSubmit={async (body) => {
                if (editing === "new") await create.mutateAsync(body);
                else await update.mutateAsync({ id: editing.id, body });
                toast.success(t("channels.saved"));
                setEditing(null);
              }}
            />
          ) : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}
