import { ArrowDown, ArrowUp, Bookmark, Pencil, Trash2 } from "lucide-react";
import { lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { lazyOverlay } from "@/components/lazy-overlay";
import { MountWhenOpened } from "@/components/mount-when-opened";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { SavedView } from "@/lib/api/types";

import { useCreateSavedView } from "../api/create-saved-view";
import { useDeleteSavedView } from "../api/delete-saved-view";
import { moved, useReorderSavedViews } from "../api/reorder-saved-views";
import { useSavedViews } from "../api/get-saved-views";
import { useUpdateSavedView } from "../api/update-saved-view";
import { matchingView, queryFromSearchParams, type ViewQuery } from "../lib/query";

// The dialogs' code (Radix Dialog, the focus trap, the scroll lock) comes when one first
// opens: the list's first load is without it.
const NameDialog = lazy(() => import("./name-dialog").then((m) => ({ default: m.NameDialog })));
const DeleteViewDialog = lazyOverlay(() => import("./delete-view-dialog").then((m) => m.DeleteViewDialog), "dialog");

/** Puts a list query in words (the list's own labels, given by the page). */
export type DescribeQuery = (params: URLSearchParams) => string[];

function toParams(query: ViewQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params;
}

function SavedFilters({ query, describe }: { query: ViewQuery; describe?: DescribeQuery | undefined }) {
  const { t } = useTranslation("views");
  const entries = describe
    ? describe(toParams(query)).map((label) => [label, ""] as const)
    : Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value.join(", ") : value] as const);
  return (
    <div className="grid gap-1 text-sm">
      <p className="font-medium">{t("save.saves")}</p>
      {entries.length === 0 ? (
        <p className="text-muted-foreground">{t("save.nothing")}</p>
      ) : (
        <ul aria-label={t("save.saves")} className="list-inside list-disc text-muted-foreground">
          {entries.map(([key, value]) => (
            <li key={key}>
              {value ? (
                <>
                  <span className="font-mono">{key}</span>: {value}
                </>
              ) : (
                key
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Save view" for a list the user has no view of, else the view's name with rename and
 * delete. Reads the list's state from the URL (its names are the API's parameters). */
export function SavedViewControls({ describe }: { describe?: DescribeQuery }) {
  const [params] = useSearchParams();
  const views = useSavedViews().data ?? [];
  const current = matchingView(views, params);
  return current ? <CurrentView view={current} views={views} /> : <SaveView views={views} query={queryFromSearchParams(params)} describe={describe} />;
}

function SaveView({ views, query, describe }: { views: SavedView[]; query: ViewQuery; describe?: DescribeQuery | undefined }) {
  const { t } = useTranslation("views");
  const [open, setOpen] = useState(false);
  const create = useCreateSavedView();
  const update = useUpdateSavedView();
  // Typing an existing view's name updates that view to these filters.
  const existing = (name: string) => views.find((v) => v.name.toLowerCase() === name.toLowerCase());
  const onSubmit = (name: string) => {
    const view = existing(name);
    const done = (message: string) => {
      toast.success(message);
      setOpen(false);
    };
    if (view) update.mutate({ id: view.id, body: { query } }, { onSuccess: (v) => done(t("current.updated", { name: v.name })) });
    else create.mutate({ name, query }, { onSuccess: (v) => done(t("save.saved", { name: v.name })) });
  };
  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)}>
        <Bookmark aria-hidden /> {t("save.button")}
      </Button>
      <MountWhenOpened open={open}>
        <NameDialog
          open={open}
          onOpenChange={(next) => {
            create.reset();
            update.reset();
            setOpen(next);
          }}
          title={t("save.title")}
          description={t("save.description")}
          initialName=""
          submitLabel={(name) => {
            const view = existing(name);
            return view ? t("current.update", { name: view.name }) : t("save.submit");
          }}
          pending={create.isPending || update.isPending}
          error={create.error ?? update.error}
          onSubmit={onSubmit}
        >
          <SavedFilters query={query} describe={describe} />
        </NameDialog>
      </MountWhenOpened>
    </>
  );
}

/** Up and down the navigation's list of views, one place at a time. */
function MoveButtons({ view, views }: { view: SavedView; views: SavedView[] }) {
  const { t } = useTranslation("views");
  const reorder = useReorderSavedViews();
  const ids = views.map((v) => v.id);
  const index = ids.indexOf(view.id);
  const move = (step: -1 | 1) => {
    const next = moved(ids, index, step);
    if (next) reorder.mutate(next, { onError: (error) => toast.error(toApiError(error).message) });
  };
  if (views.length < 2) return null;
  return (
    <>
      <Button variant="ghost" size="icon-sm" aria-label={t("current.moveUp")} disabled={index <= 0 || reorder.isPending} onClick={() => move(-1)}>
        <ArrowUp aria-hidden />
      </Button>
      <Button variant="ghost" size="icon-sm" aria-label={t("current.moveDown")} disabled={index >= views.length - 1 || reorder.isPending} onClick={() => move(1)}>
        <ArrowDown aria-hidden />
      </Button>
    </>
  );
}

function CurrentView({ view, views }: { view: SavedView; views: SavedView[] }) {
  const { t } = useTranslation("views");
  const [renaming, setRenaming] = useState(false);
  const update = useUpdateSavedView();
  const remove = useDeleteSavedView();
  return (
    <div className="flex items-center gap-1 rounded-md border px-2 py-1 text-sm">
      <Bookmark aria-hidden className="size-4 text-muted-foreground" />
      <span className="text-muted-foreground">{t("current.label")}</span>
      <span className="font-medium" data-testid="current-view">
        {view.name}
      </span>
      <MoveButtons view={view} views={views} />
      <Button variant="ghost" size="icon-sm" aria-label={t("current.rename")} onClick={() => setRenaming(true)}>
        <Pencil aria-hidden />
      </Button>
      <DeleteViewDialog
        trigger={
          <Button variant="ghost" size="icon-sm" aria-label={t("current.deleteView")}>
            <Trash2 aria-hidden />
          </Button>
        }
        view={view}
        send={() => remove.mutateAsync(view.id)}
      />
      <MountWhenOpened open={renaming}>
        <NameDialog
          open={renaming}
          onOpenChange={(next) => {
            update.reset();
            setRenaming(next);
          }}
          title={t("current.renameTitle")}
          initialName={view.name}
          submitLabel={() => t("current.renameSubmit")}
          pending={update.isPending}
          error={update.error}
          onSubmit={(name) =>
            update.mutate(
              { id: view.id, body: { name } },
              {
                onSuccess: (renamed) => {
                  setRenaming(false);
                  toast.success(t("current.renamed", { name: renamed.name }));
                },
              },
            )
          }
        />
      </MountWhenOpened>
    </div>
  );
}
