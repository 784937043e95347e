import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { makeCollectible } from "@/testing/factories";
import { renderWithProviders } from "@/testing/render";

import { CollectibleDetail } from "./collectible-detail";

const owned = makeCollectible({
  quantity: 2,
  purchase_price: "10.00",
  valuation: {
    basis: "observed",
    currency: "EUR",
    unit_value: "30.00",
    value: "60.00",
    cost: "20.00",
    proceeds: null,
    realised_gain: null,
    price: null,
    age_days: 3,
    is_stale: false,
    unconvertible: false,
    valued_at: new Date().toISOString(),
  },
});

describe("the item page", () => {
  it("shows the value, its basis and the gain where the page starts, before the facts", () => {
    renderWithProviders(<CollectibleDetail item={owned} vendor={undefined} renderPrices={() => <p>Prices</p>} />);

    const header = screen.getByTestId("header-value");
    expect(within(header).getByText("€60.00")).toBeInTheDocument();
    expect(within(header).getByText(/Market, 3 days old/)).toBeInTheDocument();
    expect(within(header).getByText(/\+€40\.00/)).toBeInTheDocument();
    const facts = screen.getByText("Facts");
    expect(header.compareDocumentPosition(facts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("says the price paid is per unit, with the total for several", () => {
    renderWithProviders(<CollectibleDetail item={owned} vendor={undefined} renderPrices={() => null} />);

    expect(screen.getByText("Price paid, each")).toBeInTheDocument();
    expect(screen.getByText("Total paid")).toBeInTheDocument();
    expect(screen.getByText("€20.00")).toBeInTheDocument();
  });

  it("has no value line for a wanted item", () => {
    renderWithProviders(
      <CollectibleDetail item={makeCollectible({ status: "wanted" })} vendor={undefined} renderPrices={() => null} />,
    );
    expect(screen.queryByTestId("header-value")).not.toBeInTheDocument();
  });
});
