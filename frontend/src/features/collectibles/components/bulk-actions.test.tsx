import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Toaster } from "@/components/ui/toast";
import { db, makeCollectible } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";

import { CollectionView } from "./collection-view";

function renderList(route = "/collection") {
  return renderWithProviders(
    <>
      <CollectionView vendors={db.vendors} />
      <Toaster />
    </>,
    { route },
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
    const bar = screen.getByRole("region", { name: "Bulk actions" });
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
    await user.click(screen.getByRole("button", { name: "Select all 12 items matching the filters" }));
    expect(screen.getByText("All 12 items matching selected")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Set location" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText("Location"), "Crate 3");
    await user.click(within(dialog).getByRole("button", { name: "Set location" }));

    expect(await screen.findByText("Moved 12 items.")).toBeInTheDocument();
    expect(db.bulkRequests.at(-1)).toEqual({ filters: { category: ["vinyl"] }, action: "set_location", location: "Crate 3" });
  });
});
