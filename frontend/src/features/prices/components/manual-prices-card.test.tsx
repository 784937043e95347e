import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { PriceEntry } from "@/lib/api/types";
import { db } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";

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
