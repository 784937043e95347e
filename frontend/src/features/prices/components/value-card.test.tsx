import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { makeCollectible } from "@/testing/handlers";

import { ValueCard } from "./value-card";

const base = makeCollectible().valuation;
if (!base) throw new Error("makeCollectible gives every item a valuation");
const valuation = base;

describe("the item's value card", () => {
  it("shows the server's value, the gain since purchase and where the price comes from", () => {
    const item = makeCollectible({
      condition: "mint",
      quantity: 2,
      valuation: {
        ...valuation,
        basis: "observed",
        unit_value: "40.00",
        value: "80.00",
        cost: "25.00",
        price: { amount: "43.00", currency: "USD", observed_at: "2025-01-10T08:00:00Z", source: "pricecharting", condition: "mint" },
        age_days: 5,
      },
    });
    render(<ValueCard item={item} />);
    expect(screen.getByTestId("current-value")).toHaveTextContent("€80.00");
    expect(screen.getByText("€25.00")).toBeInTheDocument();
    expect(screen.getByText(/\+€55\.00 \(\+220\.0%\)/)).toHaveClass("text-success");
    expect(screen.getByText("2 × €40.00")).toBeInTheDocument();
    expect(screen.getByText(/Latest PriceCharting price for Mint: \$43\.00, .* \(5 days ago\)\./)).toBeInTheDocument();
    expect(screen.queryByText("Stale")).not.toBeInTheDocument();
  });

  it("flags a stale price", () => {
    const item = makeCollectible({
      valuation: {
        ...valuation,
        basis: "manual",
        price: { amount: "10.00", currency: "EUR", observed_at: "2024-10-01T00:00:00Z", source: "manual", condition: "" },
        age_days: 106,
        is_stale: true,
      },
    });
    render(<ValueCard item={item} />);
    expect(screen.getByText("Stale")).toBeInTheDocument();
    expect(screen.getByText(/Your manual price of €10\.00/)).toBeInTheDocument();
  });

  it("says when the value is only the purchase price, or when there is none", () => {
    const { unmount } = render(<ValueCard item={makeCollectible()} />);
    expect(screen.getByText(/valued at what you paid/)).toBeInTheDocument();
    // Value equals cost by definition here: no "gain since purchase" line.
    expect(screen.queryByText(/since purchase/)).not.toBeInTheDocument();
    unmount();

    render(
      <ValueCard
        item={makeCollectible({ purchase_price: null, valuation: { ...valuation, basis: "none", unit_value: null, value: null, cost: null } })}
      />,
    );
    expect(screen.getByTestId("current-value")).toHaveTextContent("No value yet");
    expect(screen.getByText("Not recorded")).toBeInTheDocument();
    expect(screen.getByText(/add a purchase price, a manual price or a price tracker/)).toBeInTheDocument();
  });
});
