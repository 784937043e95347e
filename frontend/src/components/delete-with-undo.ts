import { partialMatchKey, type QueryClient, type QueryKey } from "@tanstack/react-query";

import { toast } from "@/components/ui/toast";
import { i18n } from "@/i18n";
import { toApiError } from "@/lib/api/errors";

/** How long a delete can be taken back before it is sent. */
export const UNDO_WINDOW_MS = 8000;

/** Deletes still inside their undo window: sent at once if the tab is closed. */
const waiting = new Set<() => void>();
let unloadHooked = false;

function hookUnload() {
  if (unloadHooked) return;
  unloadHooked = true;
  window.addEventListener("beforeunload", (event) => {
    if (waiting.size === 0) return;
    for (const send of [...waiting]) send();
    // The browser's "leave?" prompt gives those requests the time to go out.
    event.preventDefault();
  });
}

const isRow = (row: unknown, id: number) => typeof row === "object" && row !== null && "id" in row && row.id === id;

/** The rows of a list's cached data: a plain array or one page ({count, results}). */
function rowsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (typeof data === "object" && data !== null && "results" in data && Array.isArray(data.results)) return data.results;
  return [];
}

/** A list's cached data without the row `id`. */
function withoutRow(data: unknown, id: number): unknown {
  const keep = (row: unknown) => !isRow(row, id);
  if (Array.isArray(data)) return data.filter(keep);
  if (typeof data === "object" && data !== null && "results" in data && Array.isArray(data.results)) {
    const results = data.results.filter(keep);
    const removed = data.results.length - results.length;
    return "count" in data && typeof data.count === "number" ? { ...data, results, count: data.count - removed } : { ...data, results };
  }
  return data;
}

export interface DeleteWithUndo {
  queryClient: QueryClient;
  /** The lists the row disappears from at once (every cached query under this key)… */
  lists: QueryKey;
  /** …but those under this one (other rows that share the key's prefix). */
  except?: QueryKey;
  id: number;
  /** "Tracker deleted." — the toast that carries the Undo button. */
  message: string;
  /** Sends the delete (a mutation's mutateAsync): called once the undo window has passed. */
  send: () => Promise<unknown>;
}

/**
 * The row leaves the lists now; the delete is sent only when the undo window has passed, so
 * "Undo" simply puts the cached rows back (nothing was deleted). If the server refuses, the
 * rows come back and the reason is shown.
 */
export function deleteWithUndo({ queryClient, lists, except, id, message, send }: DeleteWithUndo): void {
  hookUnload();
  const isList = (queryKey: QueryKey) => partialMatchKey(queryKey, lists) && !(except && partialMatchKey(queryKey, except));
  const filters = { queryKey: lists, predicate: (query: { queryKey: QueryKey }) => isList(query.queryKey) };
  const before = queryClient.getQueriesData(filters);
  queryClient.setQueriesData(filters, (data: unknown) => withoutRow(data, id));
  // A list fetched meanwhile (another page opened, a refetch) still has the row: the
  // server has not been told yet. Take it out of those too until the delete has gone.
  const stopHiding = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success") return;
    const queryKey = event.query.queryKey as QueryKey;
    const data: unknown = event.query.state.data;
    if (isList(queryKey) && rowsOf(data).some((row) => isRow(row, id))) {
      queryClient.setQueryData(queryKey, withoutRow(data, id));
    }
  });
  const putBack = () => {
    stopHiding();
    for (const [key, data] of before) queryClient.setQueryData(key, data);
    void queryClient.invalidateQueries({ queryKey: lists });
  };

  let settled = false;
  const settle = () => {
    settled = true;
    clearTimeout(timer);
    waiting.delete(sendNow);
  };
  function sendNow() {
    if (settled) return;
    settle();
    toast.dismiss(toastId);
    send().then(stopHiding, (error: unknown) => {
      putBack();
      toast.error(i18n.t("ui:deleteWithUndo.failed", { message: toApiError(error).message }));
    });
  }
  const toastId = toast.success(message, {
    durationMs: UNDO_WINDOW_MS,
    action: {
      label: i18n.t("common:actions.undo"),
      onClick: () => {
        if (settled) return;
        settle();
        putBack();
        toast.success(i18n.t("ui:deleteWithUndo.restored"));
      },
    },
  });
  const timer = setTimeout(sendNow, UNDO_WINDOW_MS);
  waiting.add(sendNow);
}
