import { describe, expect, it } from "vitest";

import { maxPriceRule } from "./rule-form";

describe("maxPriceRule", () => {
  it("is a price-at-or-below rule on the want at its maximum price", () => {
    expect(maxPriceRule({ id: 7, max_price: "45.00", max_price_currency: "USD" })).toEqual({
      kind: "price_at_or_below",
      collectible: 7,
      target_amount: "45.00",
      target_currency: "USD",
      enabled: true,
    });
  });

  it("leaves the currency to the vendor's when the want has none, and needs a maximum price", () => {
    expect(maxPriceRule({ id: 7, max_price: "45.00", max_price_currency: "" })?.target_currency).toBe("");
    expect(maxPriceRule({ id: 7, max_price: null })).toBeNull();
  });
});
