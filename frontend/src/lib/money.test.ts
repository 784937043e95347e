import { describe, expect, it } from "vitest";

import { amountExample, amountOrNull, decimalInput, isAmountOrEmpty, readAmount, readDecimal } from "./money";

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

describe("readDecimal", () => {
  it.each([
    ["de-DE", "9,5", 1, "9.5"],
    ["de-DE", "1,5", 2, "1.5"],
    ["de-DE", "12,25", 2, "12.25"],
    ["de-DE", "9.5", 1, "9.5"],
    ["en-US", "9.5", 1, "9.5"],
    ["en-US", "24", 2, "24"],
    ["fr-FR", "1,5", 2, "1.5"],
  ])("%s reads %s (up to %i decimals) as %s", (locale, input, decimals, value) => {
    expect(readDecimal(input, decimals, locale)).toBe(value);
  });

  it.each([
    ["de-DE", "9,55", 1],
    ["en-US", "9,5", 1],
    ["en-US", "1.5.0", 2],
    ["en-US", "-1", 2],
    ["en-US", "", 2],
    ["en-US", "1.5", 0],
  ])("%s refuses %s (up to %i decimals)", (locale, input, decimals) => {
    expect(readDecimal(input, decimals, locale)).toBeNull();
  });
});

describe("decimalInput", () => {
  it("writes an API decimal the locale's way, ungrouped", () => {
    expect(decimalInput("41.50", "de-DE")).toBe("41,50");
    expect(decimalInput("1250.50", "de-DE")).toBe("1250,50");
    expect(decimalInput("41.50", "en-US")).toBe("41.50");
    expect(decimalInput(1.5, "de-DE")).toBe("1,5");
    expect(decimalInput(null, "de-DE")).toBe("");
    expect(decimalInput(undefined, "de-DE")).toBe("");
  });

  it.each(["de-DE", "en-US", "fr-FR", "de-CH"])("reads back to the same API value in %s", (locale) => {
    for (const amount of ["41.50", "0.05", "1250.00", "9999999999.99"]) {
      expect(readAmount(decimalInput(amount, locale), locale)).toEqual({ ok: true, amount });
    }
    expect(readDecimal(decimalInput("9.5", locale), 1, locale)).toBe("9.5");
  });

  it("gives placeholders in the locale's writing", () => {
    expect(amountExample(0, "de-DE")).toBe("0,00");
    expect(amountExample(40, "en-US")).toBe("40.00");
  });
});
