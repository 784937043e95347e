import { ExternalLink, FlaskConical, MoreHorizontal, Pause, Pencil, Play, Plus, Radar, Trash2 } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { deleteWithUndo } from "@/components/delete-with-undo";
import { EmptyState, ErrorState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { FormAlert } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { Tracker, TrackerStatus } from "@/lib/api/types";
import { cn, formatDateTime } from "@/lib/utils";

import { useDeleteTracker } from "../api/delete-tracker";
import { priceKeys } from "../api/keys";
import { useTrackers } from "../api/get-trackers";
import { usePauseTracker } from "../api/pause-tracker";
import { useResumeTracker } from "../api/resume-tracker";
import { useTestTracker } from "../api/test-tracker";
import { conditionLabel, failureSentence, intervalLabel, trackerSourceLabel, trackerStatusLabel } from "../lib/labels";
import { RefreshPrices } from "./refresh-prices";
import { TestResult } from "./test-result";
import { TrackerDialog } from "./tracker-dialog";

const STATUS_CLASSES: Record<TrackerStatus, string> = {
  ok: "border-success/40 bg-success/10 text-success",
  failing: "border-destructive/40 bg-destructive/10 text-destructive",
  paused: "border-warning/50 bg-warning/10 text-foreground",
  new: "",
};

function StatusBadge({ status }: { status: TrackerStatus }) {
  const { t } = useTranslation("prices");
  const { label, description } = trackerStatusLabel(status, t);
  return (
    <Badge variant="outline" title={description} className={STATUS_CLASSES[status]}>
      {label}
    </Badge>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** "shop.example/item/42" — scheme, query and fragment left out. */
function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return url;
  }
}

function LastResult({ tracker }: { tracker: Tracker }) {
  const { t } = useTranslation("prices");
  const lines: string[] = [];
  if (tracker.status === "paused") {
    lines.push(tracker.paused_reason ? t("trackers.row.pausedReason", { reason: tracker.paused_reason }) : t("trackers.row.pausedNoReason"));
  }
  const failed = tracker.last_error_kind !== "" && (tracker.status === "failing" || tracker.status === "paused");
  const failure = failureSentence(tracker.last_error_kind, t);
  const success = tracker.last_success_at ? formatDateTime(tracker.last_success_at) : t("trackers.row.never");
  return (
    <div className="grid gap-1 text-xs">
      <p className="text-muted-foreground">
        {tracker.last_checked_at
          ? t("trackers.row.checked", { success, checked: formatDateTime(tracker.last_checked_at) })
          : t("trackers.row.notChecked", { success })}
      </p>
      {lines.map((line) => (
        <p key={line} className="text-muted-foreground">
          {line}
        </p>
      ))}
      {failed ? (
        <div className="text-destructive">
          <p className="font-medium">
            {tracker.consecutive_failures > 1 ? t("trackers.row.streak", { failure, count: tracker.consecutive_failures }) : failure}
          </p>
          {tracker.last_error_message ? (
            <p className="break-words text-muted-foreground">{t("trackers.row.details", { message: tracker.last_error_message })}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function TrackerRow({
  tracker,
  collectibleId,
  canEdit,
  onEdit,
  onDelete,
}: {
  tracker: Tracker;
  collectibleId: number;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation(["prices", "common"]);
  const pause = usePauseTracker(collectibleId);
  const resume = useResumeTracker(collectibleId);
  const test = useTestTracker(collectibleId);
  const source = trackerSourceLabel(tracker.source ?? "", t);
  const toggleError = pause.error ?? resume.error;

  return (
    <li className="grid gap-2 py-3 first:pt-0 last:pb-0">
      <div className="flex items-start justify-between gap-2">
        <div className="grid min-w-0 gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={tracker.status} />
            <span className="text-sm font-medium">{source}</span>
            <span className="text-xs text-muted-foreground">
              {t("trackers.row.conditionAndInterval", {
                condition: conditionLabel(tracker.condition, t),
                interval: intervalLabel(tracker.interval_minutes, t),
              })}
            </span>
          </div>
          <a
            href={tracker.url}
            target="_blank"
            rel="noreferrer noopener"
            className="inline-flex min-w-0 items-center gap-1 rounded-sm text-sm text-primary hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            title={tracker.url}
          >
            <span className="truncate">{shortUrl(tracker.url)}</span>
            <ExternalLink aria-hidden className="size-3 shrink-0" />
            <span className="sr-only">{t("trackers.row.opensInNewTab")}</span>
          </a>
          {tracker.source === "css" && tracker.selector ? (
            <p className="text-xs text-muted-foreground">
              <Trans
                t={t}
                i18nKey={tracker.attribute ? "trackers.row.selectorAndAttribute" : "trackers.row.selector"}
                components={{
                  selector: <code className="break-all">{tracker.selector}</code>,
                  attribute: <code>{tracker.attribute}</code>,
                }}
              />
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <div className="flex shrink-0 items-center gap-1">
            <Button variant="outline" size="sm" disabled={test.isPending} onClick={() => test.mutate(tracker.id)}>
              <FlaskConical aria-hidden />
              {test.isPending ? t("trackers.row.testing") : t("trackers.row.test")}
              <span className="sr-only">{t("trackers.row.testTarget", { url: tracker.url })}</span>
            </Button>
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon-sm" aria-label={t("trackers.row.moreActions", { url: tracker.url })}>
                  <MoreHorizontal aria-hidden />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem onSelect={onEdit}>
                  <Pencil aria-hidden /> {t("common:actions.edit")}
                </DropdownMenuItem>
                {tracker.status === "paused" ? (
                  <DropdownMenuItem
                    onSelect={() => resume.mutate(tracker.id, { onSuccess: () => toast.success(t("trackers.row.resumed")) })}
                  >
                    <Play aria-hidden /> {t("trackers.row.resume")}
                  </DropdownMenuItem>
                ) : (
                  <DropdownMenuItem onSelect={() => pause.mutate(tracker.id, { onSuccess: () => toast.success(t("trackers.row.paused")) })}>
                    <Pause aria-hidden /> {t("trackers.row.pause")}
                  </DropdownMenuItem>
                )}
                <DropdownMenuItem onSelect={onDelete} className="text-destructive focus:text-destructive">
                  <Trash2 aria-hidden /> {t("common:actions.delete")}
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        ) : null}
      </div>
      <LastResult tracker={tracker} />
      {toggleError ? <FormAlert message={toApiError(toggleError).message} /> : null}
      {test.data ? <TestResult result={test.data} /> : null}
      {test.isError ? <FormAlert message={t("trackers.row.testCouldNotRun", { message: toApiError(test.error).message })} /> : null}
    </li>
  );
}

function DeleteTrackerDialog({ collectibleId, tracker, onClose }: { collectibleId: number; tracker: Tracker | null; onClose: () => void }) {
  const { t } = useTranslation("prices");
  const remove = useDeleteTracker(collectibleId);
  const queryClient = useQueryClient();
  const host = tracker ? hostOf(tracker.url) : "";
  return (
    <ConfirmDestructiveDialog
      open={tracker !== null}
      onOpenChange={(open) => {
        if (!open) {
          remove.reset();
          onClose();
        }
      }}
      title={t("trackers.delete.title")}
      description={t("trackers.delete.description", { host })}
      confirmLabel={t("trackers.delete.confirm")}
      pendingLabel={t("trackers.delete.pending")}
      pending={remove.isPending}
      error={remove.isError ? remove.error : null}
      onConfirm={() => {
        if (!tracker) return;
        onClose();
        deleteWithUndo({
          queryClient, lists: priceKeys.trackers(collectibleId), ids: [tracker.id], message: t("trackers.delete.deleted", { host: hostOf(tracker.url) }),
          send: () => remove.mutateAsync(tracker.id),
        });
      }}
    />
  );
}

export function TrackersPanel({
  collectibleId,
  itemCondition,
  itemQuery,
  canEdit,
}: {
  collectibleId: number;
  itemCondition: string | null | undefined;
  /** The item's name and number, for "Find it". */
  itemQuery?: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation("prices");
  const trackers = useTrackers(collectibleId);
  const [editing, setEditing] = useState<{ tracker?: Tracker } | null>(null);
  const [deleting, setDeleting] = useState<Tracker | null>(null);
  const list = trackers.data ?? [];
  const active = list.filter((tracker) => tracker.is_active).length;

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle className="text-base">{t("trackers.title")}</CardTitle>
          <CardDescription>{t("trackers.description")}</CardDescription>
        </div>
        {canEdit ? (
          <Button size="sm" onClick={() => setEditing({})}>
            <Plus aria-hidden /> {t("trackers.add")}
          </Button>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        {canEdit && list.length > 0 ? (
          <RefreshPrices
            collectibleId={collectibleId}
            disabledReason={active === 0 ? t("trackers.allPaused") : undefined}
          />
        ) : null}
        {trackers.isPending ? (
          <div role="status" aria-label={t("trackers.loading")} className="grid gap-3">
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : trackers.isError ? (
          <ErrorState title={t("trackers.loadError")} error={trackers.error} onRetry={() => void trackers.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState
            icon={Radar}
            title={t("trackers.emptyTitle")}
            description={t("trackers.emptyDescription")}
            action={
              canEdit ? (
                <Button variant="outline" onClick={() => setEditing({})}>
                  <Plus aria-hidden /> {t("trackers.add")}
                </Button>
              ) : undefined
            }
            className="py-8"
          />
        ) : (
          <ul aria-label={t("trackers.listLabel")} className={cn("grid divide-y")}>
            {list.map((tracker) => (
              <TrackerRow
                key={tracker.id}
                tracker={tracker}
                collectibleId={collectibleId}
                canEdit={canEdit}
                onEdit={() => setEditing({ tracker })}
                onDelete={() => setDeleting(tracker)}
              />
            ))}
          </ul>
        )}
      </CardContent>
      <TrackerDialog
        open={editing !== null}
        onOpenChange={(open) => {
          if (!open) setEditing(null);
        }}
        collectibleId={collectibleId}
        itemCondition={itemCondition}
        itemQuery={itemQuery}
        tracker={editing?.tracker}
        onSaved={(saved) =>
          toast.success(
            editing?.tracker
              ? t("trackers.saved")
              : t("trackers.added", { host: hostOf(saved.url), interval: intervalLabel(saved.interval_minutes, t) }),
          )
        }
      />
      <DeleteTrackerDialog collectibleId={collectibleId} tracker={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}
