import { afterEach, describe, expect, it } from "vitest";

import { changeLanguage, i18n } from "@/i18n";
import { makeAlertRule } from "@/testing/handlers-alerts";

import { describeRule, maxPriceRule, ruleFormSchema, ruleFormValues, toRuleRequest, type RuleFormValues } from "./rule-form";

const form = (overrides: Partial<RuleFormValues>): RuleFormValues => ({
  ...ruleFormValues(undefined, { vendor: 1, currency: "EUR" }),
  ...overrides,
});

describe("a rule's amounts in the user's locale", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("takes a German target price and percent and sends the API's decimals", async () => {
    await changeLanguage("de", false);
    const price = ruleFormSchema.parse(form({ target_amount: "1.250,50" }));
    expect(toRuleRequest(price).target_amount).toBe("1250.50");
    expect(toRuleRequest(ruleFormSchema.parse(form({ target_amount: "12,50" }))).target_amount).toBe("12.50");
    const drop = ruleFormSchema.parse(form({ kind: "drop_percent", percent: "12,5", window_days: "7" }));
    expect(toRuleRequest(drop).percent).toBe("12.5");
  });

  it("takes English 12.50 and refuses what is not a price, in the user's language", async () => {
    expect(toRuleRequest(ruleFormSchema.parse(form({ target_amount: "12.50" }))).target_amount).toBe("12.50");
    expect(ruleFormSchema.safeParse(form({ kind: "drop_percent", percent: "120", window_days: "7" })).success).toBe(false);
    await changeLanguage("de", false);
    const refused = ruleFormSchema.safeParse(form({ target_amount: "12,5,0" }));
    expect(refused.error?.issues[0]?.message).toBe("Geben Sie den Zielpreis ein, z. B. 40 oder 39,99.");
  });

  it("fills an edited rule in German and reads it back to the same values", async () => {
    await changeLanguage("de", false);
    const rule = makeAlertRule({ kind: "drop_percent", target_amount: "41.50", percent: "12.50", window_days: 7 });
    const values = ruleFormValues(rule, { vendor: 1, currency: "EUR" });
    expect(values.target_amount).toBe("41,50");
    expect(values.percent).toBe("12,50");
    expect(toRuleRequest(ruleFormSchema.parse(values)).percent).toBe("12.50");
    const price = ruleFormValues(makeAlertRule({ target_amount: "41.50" }), { vendor: 1, currency: "EUR" });
    expect(toRuleRequest(ruleFormSchema.parse(price)).target_amount).toBe("41.50");
  });

  it("describes a rule with the locale's numbers", async () => {
    await changeLanguage("de", false);
    const t = i18n.getFixedT("de", "alerts");
    expect(describeRule(makeAlertRule({ target_amount: "1250.50", target_currency: "EUR" }), t)).toBe("Preis bei oder unter 1.250,50 EUR");
    expect(describeRule(makeAlertRule({ kind: "collection_value_change", percent: "12.50" }), t)).toBe("Sammlungswert ändert sich um 12,5 %");
  });
});

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
