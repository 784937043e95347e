import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { UNDO_WINDOW_MS } from "@/components/delete-with-undo";
import { Toaster } from "@/components/ui/toast";
import type { PriceEntry } from "@/lib/api/types";
import { API, db } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { ManualPricesCard } from "./manual-prices-card";

function entry(overrides: Partial<PriceEntry> = {}): PriceEntry {
  return {
    id: 41,
    collectible: 101,
    tracker: null,
    source: "manual",
    price: "1250.00",
    currency: "EUR",
    condition: "",
    observed_at: "2025-01-10T12:00:00Z",
    url: "",
    title: "",
    availability: "",
    seller: "",
    seller_key: "",
    shipping: null,
    is_demo: false,
    created_at: "2025-01-10T12:00:00Z",
    ...overrides,
  };
}

describe("prices entered by hand", () => {
  it("corrects a mistyped price in place", async () => {
    signIn();
    db.manualEntries = [entry()];
    const { user } = renderWithProviders(<ManualPricesCard collectibleId={101} canEdit />);
    const list = await screen.findByRole("list", { name: "Prices entered by hand" });
    expect(within(list).getByText("€1,250.00")).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: /^Correct the price of €1,250.00/ }));
    const price = screen.getByLabelText("Price");
    await user.clear(price);
    await user.type(price, "125.00");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await within(list).findByText("€125.00")).toBeInTheDocument();
    expect(db.entryChanges).toEqual([{ price: "125.00", currency: "EUR", observed_at: "2025-01-10T12:00:00Z" }]);
  });

  it("says when there is none, and offers no editing to viewers", async () => {
    signIn();
    db.manualEntries = [];
    renderWithProviders(<ManualPricesCard collectibleId={101} canEdit={false} />);
    expect(await screen.findByText("No price entered by hand.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add a price" })).not.toBeInTheDocument();
  });
});

describe("deleting a price entered by hand", () => {
  // Real time runs on (the requests and clicks), and the undo window can be skipped.
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const passWindow = () => act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));

  /** Two entries; DELETEs are recorded, and answered with `status`. */
  async function deleteTheMistypedPrice(status = 204) {
    signIn();
    db.manualEntries = [entry(), entry({ id: 42, price: "99.00" })];
    const deletes: string[] = [];
    server.use(
      http.delete(`${API}/collectibles/:id/price-entries/:entryId/`, ({ params }) => {
        deletes.push(String(params.entryId));
        if (status !== 204) return HttpResponse.json({ detail: "You cannot edit this collection.", code: "permission_denied" }, { status });
        db.manualEntries = db.manualEntries.filter((e) => String(e.id) !== params.entryId);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const confirm = vi.spyOn(window, "confirm");
    const rendered = renderWithProviders(
      <>
        <ManualPricesCard collectibleId={101} canEdit />
        <Toaster />
      </>,
    );
    const list = await screen.findByRole("list", { name: "Prices entered by hand" });
    await rendered.user.click(within(list).getByRole("button", { name: /^Delete the price of €1,250.00/ }));
    // No browser prompt: the undo window stands for the confirmation.
    expect(confirm).not.toHaveBeenCalled();
    return { ...rendered, list, deletes };
  }

  it("takes the row out at once with an Undo that puts it back, and sends nothing", async () => {
    const { user, list, deletes } = await deleteTheMistypedPrice();
    expect(screen.getByText("Price deleted.")).toBeInTheDocument();
    expect(within(list).queryByText("€1,250.00")).not.toBeInTheDocument();
    expect(within(list).getByText("€99.00")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByText("Restored.")).toBeInTheDocument();
    expect(await within(list).findByText("€1,250.00")).toBeInTheDocument();
    await passWindow();
    expect(deletes).toEqual([]);
    expect(db.manualEntries).toHaveLength(2);
  });

  it("sends the delete once the undo window has passed", async () => {
    const { list, deletes } = await deleteTheMistypedPrice();
    await passWindow();
    await waitFor(() => expect(deletes).toEqual(["41"]));
    expect(within(list).queryByText("€1,250.00")).not.toBeInTheDocument();
  });

  it("brings the row back and says why when the server refuses", async () => {
    const { list } = await deleteTheMistypedPrice(403);
    await passWindow();
    expect(await screen.findByText("Could not delete: You cannot edit this collection.")).toBeInTheDocument();
    expect(await within(list).findByText("€1,250.00")).toBeInTheDocument();
  });
});
