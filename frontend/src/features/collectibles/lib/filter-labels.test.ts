import { describe, expect, it } from "vitest";

import { describeListQuery } from "./filter-labels";

describe("describeListQuery", () => {
  it("puts a saved list query in the list's own words, collection and sort included", () => {
    const params = new URLSearchParams("vendor=2&category=trading_card&category=vinyl&priced=false&tag=graded&ordering=-value");
    expect(describeListQuery(params, (id) => (id === 2 ? "Kanto Cards" : undefined))).toEqual([
      "Collection: Kanto Cards",
      "Trading card",
      "Vinyl",
      "No value yet",
      "#graded",
      "Sorted: Value: high to low",
    ]);
  });

  it("says nothing of the defaults, and ignores what the list would not read", () => {
    expect(describeListQuery(new URLSearchParams("ordering=-created_at&category=spaceship&priced=maybe"))).toEqual([]);
  });
});
