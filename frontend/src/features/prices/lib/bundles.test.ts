import { describe, expect, it } from "vitest";

import { i18n } from "@/i18n";
import type { WantBundleItem } from "@/lib/api/types";

import { bundleHeadline, offerLink, offerPrice, shippingNote, unlistedItems } from "./bundles";

const makeItem = (): WantBundleItem => ({
  collectible: 1,
  name: "Item",
  vendor: 1,
  max_price: null,
  max_price_currency: "",
  source: "structured",
  price: "1.00",
  currency: "EUR",
  converted_price: "1.00",
  shipping: null,
  condition: "",
  url: "",
  observed_at: "2025-01-15T10:00:00Z",
  tracker: 1,
});

const t = i18n.getFixedT("en", "prices");

describe("bundle texts", () => {
  it("says how many wants one seller offers and the total", () => {
    expect(bundleHeadline({ item_count: 3, total: "41.50", currency: "EUR" }, t)).toBe("3 of your wants from one seller, €41.50 total");
  });

  it("notes what shipping one by one adds up to, only when every offer states it", () => {
    expect(shippingNote({ shipping_separately: "9.00", currency: "USD" }, t)).toBe("$9.00 shipping if bought one by one");
    expect(shippingNote({ shipping_separately: "0.00", currency: "USD" }, t)).toBe("Free shipping on each offer");
    expect(shippingNote({ shipping_separately: null, currency: "USD" }, t)).toBeNull();
  });

  it("counts the items a bundle has but does not list", () => {
    expect(unlistedItems({ item_count: 102, items: Array.from({ length: 100 }, () => makeItem()) })).toBe(2);
    expect(unlistedItems({ item_count: 2, items: [makeItem(), makeItem()] })).toBe(0);
  });

  it("links only to http(s) offer pages", () => {
    expect(offerLink({ url: "https://market.example/x" })).toBe("https://market.example/x");
    expect(offerLink({ url: "javascript:alert(1)" })).toBeNull();
    expect(offerLink({ url: "" })).toBeNull();
  });

  it("shows a price in another currency with its converted amount", () => {
    expect(offerPrice({ price: "25.00", currency: "USD", converted_price: "20.00" }, "EUR")).toBe("$25.00 (≈ €20.00)");
    expect(offerPrice({ price: "20.00", currency: "EUR", converted_price: "20.00" }, "EUR")).toBe("€20.00");
  });
});
