import { FolderInput, MapPin, Shapes, Sparkles, Tag, TagsIcon, Trash2, X } from "lucide-react";
import { useId, useState, type SyntheticEvent } from "react";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { isApiError, toApiError } from "@/lib/api/errors";
import type { Category, CollectibleListQuery, Condition } from "@/lib/api/types";
import { CATEGORIES, CONDITIONS } from "@/lib/choices";

import { useBulkUpdateCollectibles, type BulkAction, type BulkTarget } from "../api/bulk-update";
import { normalizeTag } from "../lib/tags";
import { selectionSize, type SelectionControls } from "../lib/use-selection";

/** The actions the bar offers (the API's `set_tags` is for scripts: add and remove are clearer). */
type ActionKind = Exclude<BulkAction["action"], "set_tags">;

const ACTIONS: { kind: ActionKind; label: string; icon: typeof Tag }[] = [
  { kind: "add_tags", label: "Add tags", icon: Tag },
  { kind: "remove_tags", label: "Remove tags", icon: TagsIcon },
  { kind: "set_condition", label: "Set condition", icon: Sparkles },
  { kind: "set_location", label: "Set location", icon: MapPin },
  { kind: "set_category", label: "Set category", icon: Shapes },
  { kind: "delete", label: "Delete", icon: Trash2 },
];

const items = (n: number) => `${n.toLocaleString()} item${n === 1 ? "" : "s"}`;

/** What the dialog asks, and what the toast says once done. */
const COPY: Record<ActionKind, { title: (n: number) => string; confirm: (n: number) => string; done: (n: number) => string }> = {
  add_tags: { title: (n) => `Add tags to ${items(n)}`, confirm: () => "Add tags", done: (n) => `Tagged ${items(n)}.` },
  remove_tags: { title: (n) => `Remove tags from ${items(n)}`, confirm: () => "Remove tags", done: (n) => `Removed the tags from ${items(n)}.` },
  set_condition: { title: (n) => `Set the condition of ${items(n)}`, confirm: () => "Set condition", done: (n) => `Updated the condition of ${items(n)}.` },
  set_location: { title: (n) => `Set where ${items(n)} are kept`, confirm: () => "Set location", done: (n) => `Moved ${items(n)}.` },
  set_category: { title: (n) => `Set the category of ${items(n)}`, confirm: () => "Set category", done: (n) => `Updated the category of ${items(n)}.` },
  delete: { title: (n) => `Delete ${items(n)}?`, confirm: (n) => `Delete ${items(n)}`, done: (n) => `Deleted ${items(n)}.` },
};

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
  const id = useId();
  const bulk = useBulkUpdateCollectibles();
  const [tags, setTags] = useState("");
  const [condition, setCondition] = useState<Condition>("near_mint");
  const [category, setCategory] = useState<Category>("trading_card");
  const [location, setLocation] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const needsHistoryConfirm = isApiError(bulk.error) && bulk.error.status === 409;

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

  const send = (confirmHistory: boolean) => {
    const body = action();
    if (!body) {
      setLocalError("Enter at least one tag.");
      return;
    }
    setLocalError(null);
    const extra = confirmHistory ? { confirm: "delete-history" as const } : {};
    bulk.mutate(
      { ...target, ...body, ...extra },
      {
        onSuccess: (result) => {
          toast.success(COPY[kind].done(result.changed));
          onDone();
        },
      },
    );
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    send(false);
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{COPY[kind].title(count)}</DialogTitle>
            <DialogDescription>
              {kind === "delete"
                ? "They are removed from your collection. This cannot be undone."
                : "One change for all of them, saved together: if one cannot be changed, none is."}
            </DialogDescription>
          </DialogHeader>
          {kind === "add_tags" || kind === "remove_tags" ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-tags`}>Tags</Label>
              <Input id={`${id}-tags`} autoFocus value={tags} onChange={(e) => setTags(e.target.value)} placeholder="holo, first edition" aria-describedby={`${id}-tags-hint`} />
              <p id={`${id}-tags-hint`} className="text-xs text-muted-foreground">
                Separate several with commas.
              </p>
            </div>
          ) : null}
          {kind === "set_condition" ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-condition`}>Condition</Label>
              <NativeSelect id={`${id}-condition`} value={condition} onChange={(e) => setCondition(e.target.value as Condition)}>
                {CONDITIONS.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
          ) : null}
          {kind === "set_category" ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-category`}>Category</Label>
              <NativeSelect id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value as Category)}>
                {CATEGORIES.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
          ) : null}
          {kind === "set_location" ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-location`}>Location</Label>
              <Input id={`${id}-location`} autoFocus maxLength={100} value={location} onChange={(e) => setLocation(e.target.value)} placeholder="Binder 2, shelf A" />
              <p className="text-xs text-muted-foreground">Leave empty to clear it.</p>
            </div>
          ) : null}
          <FormAlert message={localError ?? (bulk.isError ? toApiError(bulk.error).message : undefined)} />
          <DialogFooter>
            <Button variant="outline" onClick={onClose}>
              Cancel
            </Button>
            {needsHistoryConfirm ? (
              <Button variant="destructive" disabled={bulk.isPending} onClick={() => send(true)}>
                Delete with their price history
              </Button>
            ) : (
              <Button type="submit" variant={kind === "delete" ? "destructive" : "default"} disabled={bulk.isPending}>
                {bulk.isPending ? "Saving…" : COPY[kind].confirm(count)}
              </Button>
            )}
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
  const [open, setOpen] = useState<ActionKind | null>(null);
  const { selection: picked } = selection;
  const count = selectionSize(picked, matching);
  if (count === 0) return null;
  const wholePage = picked.kind === "ids" && pageIds.length > 0 && pageIds.every((id) => picked.ids.has(id));
  const target: BulkTarget = picked.kind === "all" ? { filters } : { ids: [...picked.ids] };

  return (
    <section aria-label="Bulk actions" className="sticky top-16 z-20 grid gap-2 rounded-lg border bg-card p-3 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <p className="mr-2 text-sm font-medium" aria-live="polite">
          {picked.kind === "all" ? `All ${items(count)} matching selected` : `${items(count)} selected`}
        </p>
        {ACTIONS.map(({ kind, label, icon: Icon }) => (
          <Button
            key={kind}
            size="sm"
            variant="outline"
            className={kind === "delete" ? "text-destructive hover:text-destructive" : undefined}
            onClick={() => setOpen(kind)}
          >
            <Icon aria-hidden /> {label}
          </Button>
        ))}
        <Button size="sm" variant="ghost" className="ml-auto" onClick={selection.clear}>
          <X aria-hidden /> Clear selection
        </Button>
      </div>
      {wholePage && matching > pageIds.length ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <FolderInput aria-hidden className="size-4" />
          All {items(pageIds.length)} on this page are selected.
          <Button variant="link" size="sm" className="h-auto px-0" onClick={selection.selectAllMatching}>
            Select all {items(matching)} matching the filters
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
