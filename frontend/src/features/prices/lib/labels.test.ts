import { describe, expect, it } from "vitest";

import { changeLanguage, i18n } from "@/i18n";

import { conditionLabel, humanize, sourceLabel, startingCondition } from "./labels";

const t = i18n.getFixedT("en", "prices");

describe("labels never show internal codes", () => {
  it("names known codes and puts unknown ones in words", () => {
    expect(conditionLabel("cib", t)).toBe("Complete in box");
    expect(conditionLabel("grade_6", t)).toBe("Grade 6");
    expect(sourceLabel("pricecharting", t)).toBe("PriceCharting");
    expect(sourceLabel("yahoo_auctions", t)).toBe("Yahoo auctions");
    expect(humanize("")).toBe("");
  });

  it("names an item's conditions with the item's words, and the graded columns with the prices' own", async () => {
    expect(conditionLabel("near_mint", t)).toBe("Near mint");
    expect(conditionLabel("new", t)).toBe("New / sealed");
    expect(conditionLabel("grade_9_5", t)).toBe("Grade 9.5");
    expect(conditionLabel(null, t)).toBe("any condition");
    await changeLanguage("de", false);
    try {
      const de = i18n.getFixedT("de", "prices");
      expect(conditionLabel("near_mint", de)).toBe("Fast neuwertig (Near Mint)");
      expect(conditionLabel("cib", de)).toBe("Komplett mit Verpackung");
      expect(conditionLabel("ungraded", de)).toBe("Nicht gegradet");
    } finally {
      await changeLanguage("en", false);
    }
  });

  it("starts PriceCharting trackers on a column such pages have", () => {
    expect(startingCondition("pricecharting", "near_mint")).toBe("ungraded");
    expect(startingCondition("pricecharting", "sealed")).toBe("new");
    expect(startingCondition("pricecharting", "psa_10")).toBe("psa_10");
    expect(startingCondition("pricecharting", null)).toBe("loose");
    expect(startingCondition("ebay", "near_mint")).toBe("near_mint");
  });
});
