import { ExternalLink, FlaskConical, MoreHorizontal, Pause, Pencil, Play, Plus, Radar, Trash2 } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

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
import { conditionLabel, failureSentence, intervalLabel, sourceLabel, TRACKER_SOURCES, TRACKER_STATUS } from "../lib/labels";
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
  return (
    <Badge variant="outline" title={TRACKER_STATUS[status].description} className={STATUS_CLASSES[status]}>
      {TRACKER_STATUS[status].label}
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
  const lines: string[] = [];
  if (tracker.status === "paused") {
    lines.push(tracker.paused_reason ? `Paused: ${tracker.paused_reason}` : "Paused: no checks until resumed.");
  }
  const failed = tracker.last_error_kind !== "" && (tracker.status === "failing" || tracker.status === "paused");
  return (
    <div className="grid gap-1 text-xs">
      <p className="text-muted-foreground">
        Last success: {tracker.last_success_at ? formatDateTime(tracker.last_success_at) : "never"}
        {tracker.last_checked_at ? ` · last checked ${formatDateTime(tracker.last_checked_at)}` : " · not checked yet"}
      </p>
      {lines.map((line) => (
        <p key={line} className="text-muted-foreground">
          {line}
        </p>
      ))}
      {failed ? (
        <div className="text-destructive">
          <p className="font-medium">
            {failureSentence(tracker.last_error_kind)}
            {tracker.consecutive_failures > 1 ? ` (${String(tracker.consecutive_failures)} checks in a row)` : ""}
          </p>
          {tracker.last_error_message ? <p className="break-words text-muted-foreground">Details: {tracker.last_error_message}</p> : null}
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
  const pause = usePauseTracker(collectibleId);
  const resume = useResumeTracker(collectibleId);
  const test = useTestTracker(collectibleId);
  const source = TRACKER_SOURCES.find((s) => s.value === tracker.source)?.label ?? sourceLabel(tracker.source ?? "");
  const toggleError = pause.error ?? resume.error;

  return (
    <li className="grid gap-2 py-3 first:pt-0 last:pb-0">
      <div className="flex items-start justify-between gap-2">
        <div className="grid min-w-0 gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={tracker.status} />
            <span className="text-sm font-medium">{source}</span>
            <span className="text-xs text-muted-foreground">
              {conditionLabel(tracker.condition)} · {intervalLabel(tracker.interval_minutes)}
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
            <span className="sr-only">(opens in a new tab)</span>
          </a>
          {tracker.source === "css" && tracker.selector ? (
            <p className="text-xs text-muted-foreground">
              Selector <code className="break-all">{tracker.selector}</code>
              {tracker.attribute ? (
                <>
                  {" "}
                  · attribute <code>{tracker.attribute}</code>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <div className="flex shrink-0 items-center gap-1">
            <Button variant="outline" size="sm" disabled={test.isPending} onClick={() => test.mutate(tracker.id)}>
              <FlaskConical aria-hidden />
              {test.isPending ? "Testing…" : "Test"}
              <span className="sr-only"> tracker {tracker.url}</span>
            </Button>
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon-sm" aria-label={`More actions for tracker ${tracker.url}`}>
                  <MoreHorizontal aria-hidden />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem onSelect={onEdit}>
                  <Pencil aria-hidden /> Edit
                </DropdownMenuItem>
                {tracker.status === "paused" ? (
                  <DropdownMenuItem
                    onSelect={() => resume.mutate(tracker.id, { onSuccess: () => toast.success("Tracker resumed: it is checked at the next tick.") })}
                  >
                    <Play aria-hidden /> Resume
                  </DropdownMenuItem>
                ) : (
                  <DropdownMenuItem onSelect={() => pause.mutate(tracker.id, { onSuccess: () => toast.success("Tracker paused.") })}>
                    <Pause aria-hidden /> Pause
                  </DropdownMenuItem>
                )}
                <DropdownMenuItem onSelect={onDelete} className="text-destructive focus:text-destructive">
                  <Trash2 aria-hidden /> Delete
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        ) : null}
      </div>
      <LastResult tracker={tracker} />
      {toggleError ? <FormAlert message={toApiError(toggleError).message} /> : null}
      {test.data ? <TestResult result={test.data} /> : null}
      {test.isError ? <FormAlert message={`The test could not run: ${toApiError(test.error).message}`} /> : null}
    </li>
  );
}

function DeleteTrackerDialog({ collectibleId, tracker, onClose }: { collectibleId: number; tracker: Tracker | null; onClose: () => void }) {
  const remove = useDeleteTracker(collectibleId);
  const queryClient = useQueryClient();
  return (
    <ConfirmDestructiveDialog
      open={tracker !== null}
      onOpenChange={(open) => {
        if (!open) {
          remove.reset();
          onClose();
        }
      }}
      title="Delete this tracker?"
      description={`${tracker ? hostOf(tracker.url) : ""} will no longer be checked. The prices it already recorded stay in the history.`}
      confirmLabel="Delete tracker"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.isError ? remove.error : null}
      onConfirm={() => {
        if (!tracker) return;
        onClose();
        deleteWithUndo({
          queryClient, lists: priceKeys.trackers(collectibleId), id: tracker.id, message: `Tracker deleted: ${hostOf(tracker.url)}.`,
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
  const trackers = useTrackers(collectibleId);
  const [editing, setEditing] = useState<{ tracker?: Tracker } | null>(null);
  const [deleting, setDeleting] = useState<Tracker | null>(null);
  const list = trackers.data ?? [];
  const active = list.filter((t) => t.is_active).length;

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle className="text-base">Trackers</CardTitle>
          <CardDescription>Pages watched for this item's price.</CardDescription>
        </div>
        {canEdit ? (
          <Button size="sm" onClick={() => setEditing({})}>
            <Plus aria-hidden /> Add tracker
          </Button>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        {canEdit && list.length > 0 ? (
          <RefreshPrices
            collectibleId={collectibleId}
            disabledReason={active === 0 ? "Every tracker is paused: resume one to refresh." : undefined}
          />
        ) : null}
        {trackers.isPending ? (
          <div role="status" aria-label="Loading trackers" className="grid gap-3">
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : trackers.isError ? (
          <ErrorState title="Could not load the trackers" error={trackers.error} onRetry={() => void trackers.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState
            icon={Radar}
            title="No trackers yet"
            description="Add a shop page, a page with a CSS selector, or a PriceCharting page: its price is checked on a schedule."
            action={
              canEdit ? (
                <Button variant="outline" onClick={() => setEditing({})}>
                  <Plus aria-hidden /> Add tracker
                </Button>
              ) : undefined
            }
            className="py-8"
          />
        ) : (
          <ul aria-label="Trackers" className={cn("grid divide-y")}>
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
        onSaved={(saved) => toast.success(editing?.tracker ? "Tracker saved." : `Tracker added: ${hostOf(saved.url)} is checked ${intervalLabel(saved.interval_minutes)}.`)}
      />
      <DeleteTrackerDialog collectibleId={collectibleId} tracker={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}
