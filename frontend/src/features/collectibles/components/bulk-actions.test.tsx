import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { UNDO_WINDOW_MS } from "@/components/delete-with-undo";
import { Toaster } from "@/components/ui/toast";
import type { CollectibleBulkEditRequest } from "@/lib/api/types";
import { collectibleKeys } from "@/lib/query-keys";
import { API, db, makeCollectible } from "@/testing/handlers";
import { createTestQueryClient, renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { CollectionView } from "./collection-view";

function renderList(route = "/collection", queryClient = createTestQueryClient()) {
  return renderWithProviders(
    <>
      <CollectionView vendors={db.vendors} />
      <Toaster />
    </>,
    { route, queryClient },
  );
}

describe("collection list: selection and bulk actions", () => {
  it("tags the picked items in one request after one confirmation, then says so", async () => {
    signIn();
    db.collectibles = [makeCollectible({ name: "Pikachu" }), makeCollectible({ name: "Eevee" }), makeCollectible({ name: "Mew" })];
    const [pikachu, eevee] = db.collectibles;
    const { user } = renderList();
    await screen.findAllByText("Pikachu");

    await user.click(screen.getAllByRole("checkbox", { name: "Select Pikachu" })[0] as HTMLElement);
    await user.click(screen.getAllByRole("checkbox", { name: "Select Eevee" })[0] as HTMLElement);
    // The bar's code loads with the first pick.
    const bar = await screen.findByRole("region", { name: "Bulk actions" });
    expect(within(bar).getByText("2 items selected")).toBeInTheDocument();

    await user.click(within(bar).getByRole("button", { name: "Add tags" }));
    const dialog = await screen.findByRole("dialog", { name: "Add tags to 2 items" });
    await user.type(within(dialog).getByLabelText("Tags"), "Holo, First Edition");
    await user.click(within(dialog).getByRole("button", { name: "Add tags" }));

    expect(await screen.findByText("Tagged 2 items.")).toBeInTheDocument();
    expect(db.bulkRequests).toEqual([{ ids: [pikachu?.id, eevee?.id], action: "add_tags", tags: ["holo", "first edition"] }]);
    // Done: the selection is cleared and the rows show the new tags.
    expect(screen.queryByRole("region", { name: "Bulk actions" })).not.toBeInTheDocument();
    expect((await screen.findAllByText("first edition")).length).toBeGreaterThan(0);
  });

  it("selects every item matching the filters, beyond the page, and sends the filters instead of ids", async () => {
    signIn();
    db.collectibles = Array.from({ length: 12 }, (_, i) => makeCollectible({ name: `Record ${String(i)}`, category: "vinyl" }));
    const { user } = renderList("/collection?category=vinyl&page_size=10");
    await screen.findAllByText("Record 0");

    await user.click(screen.getByRole("checkbox", { name: "Select all items on this page" }));
    await user.click(await screen.findByRole("button", { name: "Select all 12 items matching the filters" }));
    expect(screen.getByText("All 12 items matching selected")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Set location" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText("Location"), "Crate 3");
    await user.click(within(dialog).getByRole("button", { name: "Set location" }));

    expect(await screen.findByText("Moved 12 items.")).toBeInTheDocument();
    expect(db.bulkRequests.at(-1)).toEqual({ filters: { category: ["vinyl"] }, action: "set_location", location: "Crate 3" });
  });
});

describe("collection list: bulk delete with undo", () => {
  // Real time runs on (the requests and clicks), and the undo window can be skipped.
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const passWindow = (ms = UNDO_WINDOW_MS) => act(() => vi.advanceTimersByTimeAsync(ms));
  const shown = (name: string) => screen.queryAllByText(name).length > 0;

  /** Pikachu and Eevee picked, deleted in the dialog: nothing sent yet. */
  async function deletePikachuAndEevee() {
    signIn();
    db.collectibles = [makeCollectible({ name: "Pikachu" }), makeCollectible({ name: "Eevee" }), makeCollectible({ name: "Mew" })];
    const rendered = renderList();
    const { user } = rendered;
    await screen.findAllByText("Pikachu");
    await user.click(screen.getAllByRole("checkbox", { name: "Select Pikachu" })[0] as HTMLElement);
    await user.click(screen.getAllByRole("checkbox", { name: "Select Eevee" })[0] as HTMLElement);
    await user.click(within(await screen.findByRole("region", { name: "Bulk actions" })).getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete 2 items?" });
    // The confirmation stands for the history check: it says the history goes too.
    expect(within(dialog).getByText(/price history/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Delete 2 items" }));
    return rendered;
  }

  it("takes the rows out at once, and Undo within the window puts them back with nothing sent", async () => {
    const { user } = await deletePikachuAndEevee();
    expect(shown("Pikachu") || shown("Eevee")).toBe(false);
    expect(shown("Mew")).toBe(true);
    expect(screen.getByText("2 items deleted.")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Bulk actions" })).not.toBeInTheDocument();

    await passWindow(UNDO_WINDOW_MS - 1000);
    expect(db.bulkRequests).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByText("Restored.")).toBeInTheDocument();
    expect(shown("Pikachu") && shown("Eevee")).toBe(true);
    await passWindow(UNDO_WINDOW_MS * 2);
    expect(db.bulkRequests).toEqual([]);
    expect(db.collectibles).toHaveLength(3);
  });

  it("sends one bulk delete, with the history confirmed, when the window has passed", async () => {
    await deletePikachuAndEevee();
    const [pikachu, eevee] = db.collectibles;
    expect(db.bulkRequests).toEqual([]);
    await passWindow();
    await waitFor(() => expect(db.bulkRequests).toEqual([{ ids: [pikachu?.id, eevee?.id], action: "delete", confirm: "delete-history" }]));
    expect(db.collectibles.map((c) => c.name)).toEqual(["Mew"]);
    // The lists reload from the server: still without them.
    await waitFor(() => expect(shown("Mew")).toBe(true));
    expect(shown("Pikachu")).toBe(false);
  });

  it("puts the rows back and says why when the server refuses", async () => {
    server.use(
      http.post(`${API}/collectibles/bulk`, () =>
        HttpResponse.json({ detail: "You have view-only access to this collection.", code: "permission_denied" }, { status: 403 }),
      ),
    );
    await deletePikachuAndEevee();
    expect(shown("Pikachu")).toBe(false);
    await passWindow();
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not delete: You have view-only access to this collection.");
    await waitFor(() => expect(shown("Pikachu") && shown("Eevee")).toBe(true));
    expect(db.collectibles).toHaveLength(3);
  });

  it("chosen by the filters: empties the lists with those filters, hides their rows elsewhere, and sends the filters", async () => {
    signIn();
    const records = Array.from({ length: 12 }, (_, i) => makeCollectible({ name: `Record ${String(i)}`, category: "vinyl" }));
    const maus = makeCollectible({ name: "Maus", category: "comic" });
    db.collectibles = [...records, maus];
    server.use(
      http.post(`${API}/collectibles/bulk`, async ({ request }) => {
        const body = (await request.json()) as CollectibleBulkEditRequest;
        db.bulkRequests.push(body);
        const goes = db.collectibles.filter((c) => c.category === "vinyl");
        db.collectibles = db.collectibles.filter((c) => c.category !== "vinyl");
        return HttpResponse.json({ matched: goes.length, changed: goes.length });
      }),
    );
    // Another list seen earlier, unfiltered: a record the vinyl list showed, one it did not.
    const queryClient = createTestQueryClient();
    const everything = collectibleKeys.list({ page: 1, page_size: 25, ordering: ["name"] });
    queryClient.setQueryData(everything, { count: 3, next: null, previous: null, results: [records[0], records[11], maus] });
    const { user } = renderList("/collection?category=vinyl&page_size=10", queryClient);
    await screen.findAllByText("Record 0");

    await user.click(screen.getByRole("checkbox", { name: "Select all items on this page" }));
    await user.click(await screen.findByRole("button", { name: "Select all 12 items matching the filters" }));
    await user.click(within(await screen.findByRole("region", { name: "Bulk actions" })).getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete 12 items?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete 12 items" }));

    // Every vinyl row goes, pages not fetched included: the list is empty at once.
    expect(await screen.findByText("No items match these filters")).toBeInTheDocument();
    expect(screen.getByText("12 items deleted.")).toBeInTheDocument();
    // The other list loses the record the filters showed; the one it never saw under them stays.
    const names = () => queryClient.getQueryData<{ results: { name: string }[] }>(everything)?.results.map((c) => c.name);
    expect(names()).toEqual(["Record 11", "Maus"]);
    expect(db.bulkRequests).toEqual([]);

    await passWindow();
    await waitFor(() => expect(db.bulkRequests).toEqual([{ filters: { category: ["vinyl"] }, action: "delete", confirm: "delete-history" }]));
    expect(db.collectibles).toEqual([maus]);
  });
});
