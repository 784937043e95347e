import { afterEach, describe, expect, it } from "vitest";

import { changeLanguage, i18n } from "@/i18n";

import { describeListQuery } from "./filter-labels";

const t = () => i18n.getFixedT(null, "collectibles");

describe("describeListQuery", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("puts a saved list query in the list's own words, collection and sort included", () => {
    const params = new URLSearchParams("vendor=2&category=trading_card&category=vinyl&priced=false&tag=graded&ordering=-value");
    expect(describeListQuery(params, t(), (id) => (id === 2 ? "Kanto Cards" : undefined))).toEqual([
      "Collection: Kanto Cards",
      "Trading card",
      "Vinyl",
      "No value yet",
      "#graded",
      "Sorted: Value: high to low",
    ]);
  });

  it("says nothing of the defaults, and ignores what the list would not read", () => {
    expect(describeListQuery(new URLSearchParams("ordering=-created_at&category=spaceship&priced=maybe"), t())).toEqual([]);
  });

  it("speaks German too", async () => {
    await changeLanguage("de");
    const params = new URLSearchParams("status=sold&stale=true&location=Binder%202&ordering=-gain");
    expect(describeListQuery(params, t())).toEqual(["Verkauft", "Veralteter Preis", "In Binder 2", "Sortiert: Gewinn: absteigend"]);
  });
});
