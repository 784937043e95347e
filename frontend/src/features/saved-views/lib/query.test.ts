import { describe, expect, it } from "vitest";

import { matchingView, queryFromSearchParams, sameQuery, searchFromQuery, viewQueryOf } from "./query";

describe("saved view queries", () => {
  it("keep the list's filters and sort, not its page", () => {
    const params = new URLSearchParams("category=trading_card&category=vinyl&ordering=-value&page=3&page_size=50&tag=holo");

    expect(queryFromSearchParams(params)).toEqual({ category: ["trading_card", "vinyl"], ordering: "-value", tag: "holo" });
  });

  it("store a repeatable filter as a list even with one value", () => {
    expect(queryFromSearchParams(new URLSearchParams("status=owned"))).toEqual({ status: ["owned"] });
  });

  it("round-trip through the list URL", () => {
    const query = { category: ["vinyl", "comic"], priced: "false" };

    expect(queryFromSearchParams(new URLSearchParams(searchFromQuery(query)))).toEqual(query);
  });

  it("match whatever the order of keys and repeated values", () => {
    expect(sameQuery({ category: ["vinyl", "comic"], tag: "x" }, { tag: "x", category: ["comic", "vinyl"] })).toBe(true);
    expect(sameQuery({ category: ["vinyl"] }, { category: ["vinyl"], tag: "x" })).toBe(false);
  });

  it("find the view the URL shows, ignoring the page", () => {
    const views = [
      { id: 1, query: { category: ["vinyl"] } },
      { id: 2, query: { category: ["vinyl"], priced: "false" } },
    ];

    expect(matchingView(views, new URLSearchParams("priced=false&category=vinyl&page=2"))?.id).toBe(2);
    expect(matchingView(views, new URLSearchParams("category=coin"))).toBeUndefined();
  });

  it("drop what is not a list parameter from a stored query", () => {
    expect(viewQueryOf({ query: { tag: "x", bad: 3, category: ["a", 1] } })).toEqual({ tag: "x", category: ["a"] });
    expect(viewQueryOf({ query: null })).toEqual({});
  });
});
