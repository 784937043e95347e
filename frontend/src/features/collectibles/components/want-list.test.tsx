import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { db, makeCollectible } from "@/testing/handlers";
import { makeOffer } from "@/testing/handlers-wants";
import { nth, renderWithProviders, signIn } from "@/testing/render";

import { WantList } from "./want-list";

describe("WantList", () => {
  it("lists wants with their max price, priority and the best offer against the max", async () => {
    signIn();
    db.collectibles = [
      makeCollectible({ id: 1, name: "Charizard", status: "wanted", max_price: "50.00", max_price_currency: "EUR", priority: 1 }),
      makeCollectible({ id: 2, name: "Blastoise", status: "wanted", max_price: "20.00", max_price_currency: "EUR", priority: 4, best_offer: makeOffer({ price: "18.00" }) }),
    ];
    // The cell is given the row's own best offer (no request per row).
    renderWithProviders(<WantList vendor={null} renderBestOffer={(item) => <span>best offer of {item.name}: {item.best_offer?.price ?? "none"}</span>} />);

    const table = await screen.findByRole("table", { name: "Want list" });
    // Sorted by name, as asked.
    const rows = within(table).getAllByRole("row");
    const blastoise = nth(rows, 1);
    const charizard = nth(rows, 2);
    expect(within(charizard).getByRole("link", { name: "Charizard" })).toHaveAttribute("href", "/collection/1");
    expect(within(charizard).getByText("€50.00")).toBeInTheDocument();
    expect(within(charizard).getByText("Highest")).toBeInTheDocument();
    expect(within(charizard).getByText("best offer of Charizard: none")).toBeInTheDocument();
    expect(within(blastoise).getByText("Low")).toBeInTheDocument();
    expect(within(blastoise).getByText("best offer of Blastoise: 18.00")).toBeInTheDocument();
  });

  it("invites to add a first want when the list is empty", async () => {
    signIn();
    renderWithProviders(<WantList vendor={null} renderBestOffer={() => null} />);
    expect(await screen.findByText("Your want list is empty")).toBeInTheDocument();
    for (const link of screen.getAllByRole("link", { name: "Add a want" })) expect(link).toHaveAttribute("href", "/wants/new");
  });
});
