import { describe, expect, it } from "vitest";

import { amountOrNull, isAmountOrEmpty, readAmount } from "./money";

describe("readAmount", () => {
  it.each([
    ["en-US", "1,250.50", "1250.50"],
    ["en-US", "12.5", "12.50"],
    ["en-US", "12", "12.00"],
    ["de-DE", "1.250,50", "1250.50"],
    ["de-DE", "12,50", "12.50"],
    ["de-DE", "1250.50", "1250.50"],
    ["fr-FR", "1 250,50", "1250.50"],
    ["fr-FR", "1\u202f250,50", "1250.50"],
    ["en-US", " 0041.5 ", "41.50"],
  ])("%s reads %s as %s", (locale, input, amount) => {
    expect(readAmount(input, locale)).toEqual({ ok: true, amount });
  });

  it.each([
    ["en-US", "1,25,0"],
    ["de-DE", "1,250.50"],
    ["en-US", "12abc"],
    ["en-US", "-3"],
    ["en-US", "1.234"],
    ["en-US", "12345678901"],
    ["en-US", ""],
  ])("%s refuses %s", (locale, input) => {
    expect(readAmount(input, locale).ok).toBe(false);
  });

  it("lets optional fields stay empty and gives the API a decimal string", () => {
    expect(isAmountOrEmpty("", "de-DE")).toBe(true);
    expect(isAmountOrEmpty("12,5", "de-DE")).toBe(true);
    expect(isAmountOrEmpty("12,5,0", "de-DE")).toBe(false);
    expect(amountOrNull("", "de-DE")).toBeNull();
    expect(amountOrNull("1.250,5", "de-DE")).toBe("1250.50");
  });
});
