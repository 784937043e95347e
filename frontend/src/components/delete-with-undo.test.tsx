import { QueryClient } from "@tanstack/react-query";
import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { Toaster } from "@/components/ui/toast";

import { deleteWithUndo, UNDO_WINDOW_MS } from "./delete-with-undo";

const page = () => ({ count: 2, results: [{ id: 1, name: "Charizard" }, { id: 2, name: "Blastoise" }] });

describe("deleteWithUndo", () => {
  let queryClient: QueryClient;
  beforeEach(() => {
    vi.useFakeTimers();
    queryClient = new QueryClient();
    queryClient.setQueryData(["items", "list", 1], page());
    queryClient.setQueryData(["items", "list", "tags"], [{ id: 1 }, { id: 3 }]);
    render(<Toaster />);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const start = (send = vi.fn(() => Promise.resolve())) => {
    act(() => {
      deleteWithUndo({ queryClient, lists: ["items", "list"], ids: [1], message: "Item deleted.", send });
    });
    return send;
  };

  it("hides the row from every list at once and sends the delete when the window has passed", async () => {
    const send = start();
    expect(queryClient.getQueryData(["items", "list", 1])).toEqual({ count: 1, results: [{ id: 2, name: "Blastoise" }] });
    expect(queryClient.getQueryData(["items", "list", "tags"])).toEqual([{ id: 3 }]);
    expect(screen.getByRole("status")).toHaveTextContent("Item deleted.");
    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS - 1));
    expect(send).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("keeps the row out of a list fetched during the window, until the delete has gone", async () => {
    let finish: () => void = () => undefined;
    const send = vi.fn(() => new Promise<void>((resolve) => { finish = resolve; }));
    start(send);
    // Another page of the list arrives from the server, which still has the row.
    act(() => { queryClient.setQueryData(["items", "list", 2], page()); });
    expect(queryClient.getQueryData(["items", "list", 2])).toEqual({ count: 1, results: [{ id: 2, name: "Blastoise" }] });
    // Other lists are left alone.
    act(() => { queryClient.setQueryData(["wants", "list"], page()); });
    expect(queryClient.getQueryData(["wants", "list"])).toEqual(page());

    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));
    expect(send).toHaveBeenCalledTimes(1);
    await act(async () => { finish(); await Promise.resolve(); });
    act(() => { queryClient.setQueryData(["items", "list", 3], page()); }); // no longer hidden
    expect(queryClient.getQueryData(["items", "list", 3])).toEqual(page());
  });

  it("leaves alone the lists under `except`, whose rows are other things", async () => {
    queryClient.setQueryData(["items", "list", "views"], [{ id: 1, name: "Graded" }]);
    act(() => {
      deleteWithUndo({ queryClient, lists: ["items", "list"], except: ["items", "list", "views"], ids: [1], message: "Item deleted.", send: vi.fn(() => Promise.resolve()) });
    });
    expect(queryClient.getQueryData(["items", "list", "views"])).toEqual([{ id: 1, name: "Graded" }]);
    expect(queryClient.getQueryData(["items", "list", 1])).toEqual({ count: 1, results: [{ id: 2, name: "Blastoise" }] });
    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS)); // sent: its toast goes
  });

  it("Undo puts the rows back and nothing is sent", async () => {
    const send = start();
    act(() => { screen.getByRole("button", { name: "Undo" }).click(); });
    expect(queryClient.getQueryData(["items", "list", 1])).toEqual(page());
    expect(screen.getByText("Restored.")).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS * 2));
    expect(send).not.toHaveBeenCalled();
  });

  it("a refused delete brings the row back and says why", async () => {
    start(vi.fn(() => Promise.reject(new Error("You have view-only access."))));
    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));
    expect(queryClient.getQueryData(["items", "list", 1])).toEqual(page());
    expect(screen.getByRole("alert")).toHaveTextContent(/Could not delete/);
  });

  it("takes several rows out under one toast, and Undo brings them all back", async () => {
    const send = vi.fn(() => Promise.resolve());
    act(() => {
      deleteWithUndo({ queryClient, lists: ["items", "list"], ids: [1, 2, 3], message: "3 items deleted.", send });
    });
    expect(queryClient.getQueryData(["items", "list", 1])).toEqual({ count: 0, results: [] });
    expect(queryClient.getQueryData(["items", "list", "tags"])).toEqual([]);
    expect(screen.getAllByRole("status")).toHaveLength(1);
    act(() => { screen.getByRole("button", { name: "Undo" }).click(); });
    expect(queryClient.getQueryData(["items", "list", 1])).toEqual(page());
    expect(queryClient.getQueryData(["items", "list", "tags"])).toEqual([{ id: 1 }, { id: 3 }]);
    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS * 2));
    expect(send).not.toHaveBeenCalled();
  });

  describe("a delete that takes whole lists (chosen by their filters)", () => {
    const holo = (key: readonly unknown[]) => key[2] === "holo";
    const start = (send: () => Promise<unknown> = vi.fn(() => Promise.resolve())) => {
      queryClient.setQueryData(["items", "list", "holo"], { count: 30, results: [{ id: 1 }, { id: 5 }] });
      queryClient.setQueryData(["items", "list", "all"], { count: 40, results: [{ id: 5 }, { id: 6 }, { id: 7 }] });
      act(() => {
        deleteWithUndo({ queryClient, lists: ["items", "list"], ids: [], empties: holo, message: "30 items deleted.", send });
      });
      return send;
    };

    it("empties those lists (pages not fetched too) and takes their rows out of the others", () => {
      start();
      expect(queryClient.getQueryData(["items", "list", "holo"])).toEqual({ count: 0, results: [] });
      expect(queryClient.getQueryData(["items", "list", "all"])).toEqual({ count: 39, results: [{ id: 6 }, { id: 7 }] });
      expect(queryClient.getQueryData(["items", "list", 1])).toEqual({ count: 1, results: [{ id: 2, name: "Blastoise" }] });
    });

    it("learns the rows of such a list fetched during the window, and hides them everywhere", async () => {
      const send = start();
      act(() => { queryClient.setQueryData(["items", "list", "holo"], { count: 30, results: [{ id: 6 }, { id: 8 }] }); });
      expect(queryClient.getQueryData(["items", "list", "holo"])).toEqual({ count: 0, results: [] });
      expect(queryClient.getQueryData(["items", "list", "all"])).toEqual({ count: 38, results: [{ id: 7 }] });
      await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));
      expect(send).toHaveBeenCalledTimes(1);
    });

    it("once sent, what such a list holds is real again but for the rows known to go", async () => {
      let finish: () => void = () => undefined;
      start(() => new Promise<void>((resolve) => { finish = resolve; }));
      await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));
      // The lists reload after the delete: an item that matches since then shows.
      act(() => { queryClient.setQueryData(["items", "list", "holo"], { count: 2, results: [{ id: 5 }, { id: 9 }] }); });
      expect(queryClient.getQueryData(["items", "list", "holo"])).toEqual({ count: 1, results: [{ id: 9 }] });
      await act(async () => { finish(); await Promise.resolve(); });
    });

    it("a refused delete puts every list back", async () => {
      start(vi.fn(() => Promise.reject(new Error("Too many items."))));
      await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));
      expect(queryClient.getQueryData(["items", "list", "holo"])).toEqual({ count: 30, results: [{ id: 1 }, { id: 5 }] });
      expect(queryClient.getQueryData(["items", "list", "all"])).toEqual({ count: 40, results: [{ id: 5 }, { id: 6 }, { id: 7 }] });
      expect(screen.getByText("Could not delete: Too many items.")).toBeInTheDocument();
    });
  });

  it("closing the tab sends the waiting delete at once, and only once", async () => {
    const send = start();
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    expect(send).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));
    expect(send).toHaveBeenCalledTimes(1);
  });
});
