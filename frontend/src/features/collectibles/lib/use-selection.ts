import { useCallback, useState } from "react";

/**
 * Which items of the list are picked for a bulk action: some ids (on any page), or every
 * item matching the current filters ("select all N"), which the API resolves itself.
 */
export type Selection = { kind: "ids"; ids: ReadonlySet<number> } | { kind: "all" };

const NONE: Selection = { kind: "ids", ids: new Set() };

export function selectionSize(selection: Selection, matching: number): number {
  return selection.kind === "all" ? matching : selection.ids.size;
}

/**
 * The list's selection. It belongs to one set of filters (`scope`): when the filters
 * change, what was picked may no longer be listed, so the selection starts empty again.
 */
export function useSelection(scope: string) {
  const [state, setState] = useState<{ scope: string; selection: Selection }>({ scope, selection: NONE });
  const selection = state.scope === scope ? state.selection : NONE;

  const update = useCallback(
    (next: (current: Selection) => Selection) =>
      setState((previous) => ({ scope, selection: next(previous.scope === scope ? previous.selection : NONE) })),
    [scope],
  );

  const isSelected = (id: number) => selection.kind === "all" || selection.ids.has(id);

  const toggle = (id: number) =>
    update((current) => {
      if (current.kind === "all") return current;
      const ids = new Set(current.ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      return { kind: "ids", ids };
    });

  /** Selects every id of the page, or clears them when they all are already. */
  const togglePage = (pageIds: number[]) =>
    update((current) => {
      if (current.kind === "all") return NONE;
      const allPicked = pageIds.every((id) => current.ids.has(id));
      const ids = new Set(current.ids);
      for (const id of pageIds) {
        if (allPicked) ids.delete(id);
        else ids.add(id);
      }
      return { kind: "ids", ids };
    });

  const selectAllMatching = () => update(() => ({ kind: "all" }));
  const clear = () => update(() => NONE);

  return { selection, isSelected, toggle, togglePage, selectAllMatching, clear };
}

export type SelectionControls = ReturnType<typeof useSelection>;
