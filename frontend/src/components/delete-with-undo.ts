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

const idOf = (row: unknown): unknown => (typeof row === "object" && row !== null && "id" in row ? row.id : undefined);

/** The rows of a list's cached data: a plain array or one page ({count, results}). */
function rowsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (typeof data === "object" && data !== null && "results" in data && Array.isArray(data.results)) return data.results;
  return [];
}

/** A list's cached data without the rows that `goes`; a page's count drops as much, or to 0 with `emptied`. */
function withoutRows(data: unknown, goes: (row: unknown) => boolean, emptied: boolean): unknown {
  const keep = (row: unknown) => !emptied && !goes(row);
  if (Array.isArray(data)) return data.filter(keep);
  if (typeof data === "object" && data !== null && "results" in data && Array.isArray(data.results)) {
    const results = data.results.filter(keep);
    if (!("count" in data) || typeof data.count !== "number") return { ...data, results };
    return { ...data, results, count: emptied ? 0 : data.count - (data.results.length - results.length) };
  }
  return data;
}

interface DeleteWithUndoOptions {
  queryClient: QueryClient;
  /** The lists the rows disappear from at once (every cached query under this key)… */
  lists: QueryKey;
  /** …but those under this one (other rows that share the key's prefix). */
  except?: QueryKey;
  /** "Tracker deleted.", "5 items deleted." — the toast that carries the Undo button. */
  message: string;
  /** Sends the delete (a mutation's mutateAsync): called once the undo window has passed. */
  send: () => Promise<unknown>;
}

/** Which rows go: one (a row's delete button: `[id]`), several, or every row of some lists. */
interface DeletedRows {
  ids: readonly number[];
  /**
   * The lists the delete takes wholly (a delete chosen by their filters, which the server
   * applies): they are emptied, and their rows leave the other lists too.
   */
  empties?: (queryKey: QueryKey) => boolean;
}

export type DeleteWithUndo = DeleteWithUndoOptions & DeletedRows;

/**
 * The rows leave the lists now; the delete is sent only when the undo window has passed, so
 * "Undo" simply puts the cached rows back (nothing was deleted). If the server refuses, the
 * rows come back and the reason is shown.
 */
export function deleteWithUndo(options: DeleteWithUndo): void {
  const { queryClient, lists, except, message, send, ids, empties: wholly } = options;
  hookUnload();
  const hidden = new Set<unknown>(ids);
  // Until the request is sent: what a list holds after the server has deleted (rows that
  // came to match its filters since) is real, and only the ids known by then stay hidden.
  let emptying = wholly !== undefined;
  const empties = (queryKey: QueryKey) => emptying && (wholly?.(queryKey) ?? false);
  const isList = (queryKey: QueryKey) => partialMatchKey(queryKey, lists) && !(except && partialMatchKey(queryKey, except));
  const filters = { queryKey: lists, predicate: (query: { queryKey: QueryKey }) => isList(query.queryKey) };
  const goes = (row: unknown) => {
    const id = idOf(row);
    return id !== undefined && hidden.has(id);
  };

  /** Notes the rows of the lists the delete empties (their ids leave the other lists too). */
  const learn = (queryKey: QueryKey, data: unknown) => {
    if (!empties(queryKey)) return false;
    const known = hidden.size;
    for (const id of rowsOf(data).map(idOf)) if (id !== undefined) hidden.add(id);
    return hidden.size > known;
  };
  const hide = (queryKey: QueryKey, data: unknown) => {
    const emptied = empties(queryKey);
    // Only a list with a row to take out is set: setting it is an update this hook sees again.
    if (rowsOf(data).some((row) => emptied || goes(row))) queryClient.setQueryData(queryKey, withoutRows(data, goes, emptied));
  };
  const hideEverywhere = () => {
    const cached = queryClient.getQueriesData(filters);
    for (const [queryKey, data] of cached) learn(queryKey, data);
    for (const [queryKey, data] of cached) hide(queryKey, data);
  };

  const before = queryClient.getQueriesData(filters);
  hideEverywhere();
  // A list fetched meanwhile (another page opened, a refetch) still has the rows: the
  // server has not been told yet. Take them out of those too until the delete has gone.
  const stopHiding = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success") return;
    const queryKey = event.query.queryKey as QueryKey;
    if (!isList(queryKey)) return;
    const data: unknown = event.query.state.data;
    if (learn(queryKey, data)) hideEverywhere();
    else hide(queryKey, data);
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
    emptying = false;
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
