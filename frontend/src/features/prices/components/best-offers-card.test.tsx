import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { db, makeCollectible } from "@/testing/handlers";
import { makeOffer, wantsDb } from "@/testing/handlers-wants";
import { renderWithProviders, signIn } from "@/testing/render";

import { BestOffersCard, BestOfferSummary } from "./best-offers-card";

describe("BestOffersCard", () => {
  it("lists the best offer per source against the maximum price", async () => {
    signIn();
    db.collectibles = [makeCollectible({ id: 3, status: "wanted", max_price: "45.00" })];
    wantsDb.offers.set(3, [makeOffer({ price: "41.50" }), makeOffer({ source: "pricecharting", price: "52.00", compared_price: "52.00", within_max_price: false, tracker: 2 })]);
    renderWithProviders(<BestOffersCard collectibleId={3} />);

    const offers = await screen.findByRole("list", { name: "Best offers" });
    const [first, second] = within(offers).getAllByRole("listitem");
    expect(first).toHaveTextContent("€41.50");
    expect(first).toHaveTextContent("Under your max");
    expect(second).toHaveTextContent("Over your max");
    expect(within(offers).getAllByRole("link", { name: /Open the .* offer/ })[0]).toHaveAttribute("href", "https://market.example/listing/1");
  });

  it("says so when no offer meets the condition", async () => {
    signIn();
    db.collectibles = [makeCollectible({ id: 4, status: "wanted" })];
    renderWithProviders(<BestOffersCard collectibleId={4} />);
    expect(await screen.findByText(/No current offer meets it yet/)).toBeInTheDocument();
  });

  it("the one-line summary shows the offer the list row carries, against the maximum", () => {
    renderWithProviders(<BestOfferSummary offer={makeOffer({ price: "41.50", source: "pricecharting", within_max_price: true })} />);
    expect(screen.getByText("€41.50")).toBeInTheDocument();
    expect(screen.getByText("PriceCharting")).toBeInTheDocument();
    expect(screen.getByText("Under your max")).toBeInTheDocument();
  });

  it("the one-line summary says when there is no offer yet", () => {
    renderWithProviders(<BestOfferSummary offer={null} />);
    expect(screen.getByText("No offer yet")).toBeInTheDocument();
  });
});
