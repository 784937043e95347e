import { FolderInput, MapPin, Shapes, Sparkles, Tag, TagsIcon, Trash2, X } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { deleteWithUndo } from "@/components/delete-with-undo";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { Category, CollectibleListQuery, Condition } from "@/lib/api/types";
import { CATEGORIES, CONDITIONS, translatedChoices } from "@/lib/choices";
import { collectibleKeys, savedViewKeys } from "@/lib/query-keys";
import { countOf } from "@/lib/utils";

import { isListFilteredBy, useBulkUpdateCollectibles, type BulkAction, type BulkTarget } from "../api/bulk-update";
import { normalizeTag } from "../lib/tags";
import { selectionSize, type SelectionControls } from "../lib/use-selection";

/** The actions the bar offers (the API's `set_tags` is for scripts: add and remove are clearer). */
type ActionKind = Exclude<BulkAction["action"], "set_tags">;

/** The bar's buttons, in order; each one's words are under `bulk.<kind>` in the catalogue. */
const ACTIONS: { kind: ActionKind; icon: typeof Tag }[] = [
  { kind: "add_tags", icon: Tag },
  { kind: "remove_tags", icon: TagsIcon },
  { kind: "set_condition", icon: Sparkles },
  { kind: "set_location", icon: MapPin },
  { kind: "set_category", icon: Shapes },
  { kind: "delete", icon: Trash2 },
];

function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,;]/).map(normalizeTag).filter(Boolean))];
}

interface DialogProps {
  kind: ActionKind;
  count: number;
  target: BulkTarget;
  onClose: () => void;
  onDone: () => void;
}

/** The one confirmation: the value to set, and the button that sends the request. */
function BulkDialog({ kind, count, target, onClose, onDone }: DialogProps) {
  const { t } = useTranslation(["collectibles", "common"]);
  const id = useId();
  const bulk = useBulkUpdateCollectibles();
  const [tags, setTags] = useState("");
  const [condition, setCondition] = useState<Condition>("near_mint");
  const [category, setCategory] = useState<Category>("trading_card");
  const [location, setLocation] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const queryClient = useQueryClient();

  function action(): BulkAction | null {
    switch (kind) {
      case "add_tags":
      case "remove_tags": {
        const parsed = parseTags(tags);
        return parsed.length > 0 ? { action: kind, tags: parsed } : null;
      }
      case "set_condition":
        return { action: kind, condition };
      case "set_category":
        return { action: kind, category };
      case "set_location":
        return { action: kind, location: location.trim() };
      case "delete":
        return { action: kind };
    }
  }

  /**
   * The rows leave the lists now and the request goes after the undo window. The dialog's
   * confirmation stands for the API's "with their price history" check, as an item's own
   * delete does.
   *
   * Chosen by the filters, the items are picked by the server when the request arrives
   * (an item that comes to match meanwhile goes too), pages the app never fetched included.
   * What it hides is what it knows will go: every cached list with those very filters is
   * emptied, whatever its page or sort, and those rows leave the other lists. A row of
   * another list that matches as well but was never seen under these filters stays until
   * the lists reload after the delete: the app cannot apply the filters (search, dates,
   * value) itself, and a guess would hide rows that stay.
   */
  const deleteLater = () => {
    onDone();
    const rows = target.filters ? { ids: [], empties: isListFilteredBy(target.filters) } : { ids: target.ids ?? [] };
    deleteWithUndo({
      queryClient,
      // Saved views hang under the list keys too; their ids are not items'.
      lists: collectibleKeys.lists(),
      except: savedViewKeys.all,
      ...rows,
      message: t("bulk.delete.done", countOf(count)),
      send: () => bulk.mutateAsync({ ...target, action: "delete", confirm: "delete-history" }),
    });
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (kind === "delete") {
      deleteLater();
      return;
    }
    const body = action();
    if (!body) {
      setLocalError(t("bulk.noTags"));
      return;
    }
    setLocalError(null);
    bulk.mutate(
      { ...target, ...body },
      {
        onSuccess: (result) => {
          toast.success(t(`bulk.${kind}.done`, countOf(result.changed)));
          onDone();
        },
      },
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t(`bulk.${kind}.title`, countOf(count))}</DialogTitle>
            <DialogDescription>
              {kind === "delete" ? t("bulk.deleteDescription") : t("bulk.changeDescription")}
            </DialogDescription>
          </DialogHeader>
          {kind === "add_tags" || kind === "remove_tags" ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-tags`}>{t("bulk.tags")}</Label>
              <Input id={`${id}-tags`} autoFocus value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t("bulk.tagsPlaceholder")} aria-describedby={`${id}-tags-hint`} />
              <p id={`${id}-tags-hint`} className="text-xs text-muted-foreground">
                {t("bulk.tagsHint")}
              </p>
            </div>
          ) : null}
          {kind === "set_condition" ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-condition`}>{t("bulk.condition")}</Label>
              <NativeSelect id={`${id}-condition`} value={condition} onChange={(e) => setCondition(e.target.value as Condition)}>
                {translatedChoices(CONDITIONS, t).map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
          ) : null}
          {kind === "set_category" ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-category`}>{t("bulk.category")}</Label>
              <NativeSelect id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value as Category)}>
                {translatedChoices(CATEGORIES, t).map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
          ) : null}
          {kind === "set_location" ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-location`}>{t("bulk.location")}</Label>
              <Input id={`${id}-location`} autoFocus maxLength={100} value={location} onChange={(e) => setLocation(e.target.value)} placeholder={t("bulk.locationPlaceholder")} />
              <p className="text-xs text-muted-foreground">{t("bulk.locationHint")}</p>
            </div>
          ) : null}
          <FormAlert message={localError ?? (bulk.isError ? toApiError(bulk.error).message : undefined)} />
          <DialogFooter>
            <Button variant="outline" onClick={onClose}>
              {t("common:actions.cancel")}
            </Button>
            <Button type="submit" variant={kind === "delete" ? "destructive" : "default"} disabled={bulk.isPending}>
              {bulk.isPending ? t("common:actions.saving") : kind === "delete" ? t("bulk.delete.confirm", countOf(count)) : t(`bulk.${kind}.label`)}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

interface BarProps {
  selection: SelectionControls;
  /** How many items match the filters (all pages), and how many this page shows. */
  matching: number;
  pageIds: number[];
  filters: CollectibleListQuery;
}

/** Shown while items are selected: the count, "select all N", and the bulk actions. */
export function BulkActionBar({ selection, matching, pageIds, filters }: BarProps) {
  const { t } = useTranslation("collectibles");
  const [open, setOpen] = useState<ActionKind | null>(null);
  const { selection: picked } = selection;
  const count = selectionSize(picked, matching);
  if (count === 0) return null;
  const wholePage = picked.kind === "ids" && pageIds.length > 0 && pageIds.every((id) => picked.ids.has(id));
  const target: BulkTarget = picked.kind === "all" ? { filters } : { ids: [...picked.ids] };

  return (
    <section aria-label={t("bulk.section")} className="sticky top-16 z-20 grid gap-2 rounded-lg border bg-card p-3 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <p className="mr-2 text-sm font-medium" aria-live="polite">
          {picked.kind === "all" ? t("bulk.allSelected", countOf(count)) : t("bulk.selected", countOf(count))}
        </p>
        {ACTIONS.map(({ kind, icon: Icon }) => (
          <Button
            key={kind}
            size="sm"
            variant="outline"
            className={kind === "delete" ? "text-destructive hover:text-destructive" : undefined}
            onClick={() => setOpen(kind)}
          >
            <Icon aria-hidden /> {t(`bulk.${kind}.label`)}
          </Button>
        ))}
        <Button size="sm" variant="ghost" className="ml-auto" onClick={selection.clear}>
          <X aria-hidden /> {t("bulk.clearSelection")}
        </Button>
      </div>
      {wholePage && matching > pageIds.length ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <FolderInput aria-hidden className="size-4" />
          {t("bulk.pageSelected", countOf(pageIds.length))}
          <Button variant="link" size="sm" className="h-auto px-0" onClick={selection.selectAllMatching}>
            {t("bulk.selectAllMatching", countOf(matching))}
          </Button>
        </p>
      ) : null}
      {open ? (
        <BulkDialog
          kind={open}
          count={count}
          target={target}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            selection.clear();
          }}
        />
      ) : null}
    </section>
  );
}
