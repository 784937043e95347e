import { describe, expect, it } from "vitest";

import { DEFAULT_FILTERS, filtersToQuery, filtersToSearchParams, parseFilters } from "./filters";

describe("collectible filters ↔ URL search params", () => {
  it("round-trips every filter through the URL", () => {
    const filters = {
      ...DEFAULT_FILTERS,
      page: 3,
      page_size: 50,
      ordering: "-purchase_price" as const,
      category: ["trading_card" as const, "vinyl" as const],
      condition: ["mint" as const],
      language: ["ja" as const],
      market_region: ["japan" as const],
      value_basis: ["purchase" as const, "none" as const],
      priced: false,
      stale: true,
      tag: "holo",
      vendor: 7,
      release_date_after: "1999-01-01",
      release_date_before: "2000-12-31",
      purchase_date_after: "2023-01-01",
      purchase_date_before: "2023-12-31",
    };
    const params = filtersToSearchParams(filters);
    expect(params.getAll("category")).toEqual(["trading_card", "vinyl"]);
    expect(parseFilters(new URLSearchParams(params.toString()))).toEqual(filters);
  });

  it("keeps default values out of the URL", () => {
    expect(filtersToSearchParams(DEFAULT_FILTERS).toString()).toBe("");
  });

  it("drops malformed values instead of sending them to the API (which would answer 400)", () => {
    const filters = parseFilters(
      new URLSearchParams(
        "category=vinyl&category=bogus&page=-2&page_size=7&ordering=price&vendor=abc&purchase_date_after=2024-02-30&tag=%20Holo%20&priced=maybe&stale=1&value_basis=guess",
      ),
    );
    expect(filters).toEqual({ ...DEFAULT_FILTERS, category: ["vinyl"], tag: "Holo" });
  });

  it("builds the API query with repeated multi-value params and no empty ones", () => {
    const query = filtersToQuery({ ...DEFAULT_FILTERS, condition: ["mint", "sealed"], vendor: 2 });
    expect(query).toEqual({ page: 1, page_size: 25, ordering: ["-created_at"], condition: ["mint", "sealed"], vendor: 2 });
  });

  it("reads the dashboard's callout links: unpriced and stale items of one vendor", () => {
    const unpriced = parseFilters(new URLSearchParams("vendor=3&priced=false"));
    expect(unpriced).toEqual({ ...DEFAULT_FILTERS, vendor: 3, priced: false });
    expect(filtersToQuery(unpriced)).toMatchObject({ vendor: 3, priced: "false" });
    expect(filtersToQuery(parseFilters(new URLSearchParams("stale=true")))).toMatchObject({ stale: "true" });
  });
});
