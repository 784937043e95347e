import { describe, expect, it } from "vitest";

import { i18n } from "@/i18n";
import type { PriceSeries } from "@/lib/api/types";

import { lineStyle, toChartData } from "./series";

const series = (source: string, prices: string[]): PriceSeries =>
  ({
    source,
    condition: "near_mint",
    currency: "EUR",
    points: prices.map((price, day) => ({ t: `2025-12-0${String(day + 1)}T00:00:00Z`, price })),
  }) as unknown as PriceSeries;

describe("price chart lines", () => {
  it("keeps two series with identical prices apart: distinct keys, the later one dashed and narrower", () => {
    const { rows, lines } = toChartData([series("ebay", ["10", "11"]), series("tcgplayer", ["10", "11"])], i18n.getFixedT("en", "prices"));
    expect(lines.map((line) => line.key)).toEqual(["ebay|near_mint|EUR", "tcgplayer|near_mint|EUR"]);
    expect(rows[0]).toMatchObject({ "ebay|near_mint|EUR": 10, "tcgplayer|near_mint|EUR": 10 });

    const [first, second] = [lineStyle(0, 2), lineStyle(1, 2)];
    expect(first.strokeDasharray).toBeUndefined();
    expect(second.strokeDasharray).toBeTruthy();
    expect(first.strokeWidth).toBeGreaterThan(second.strokeWidth);
  });

  it("draws every line of many in its own way, and a lone line plain", () => {
    const styles = Array.from({ length: 5 }, (_, index) => JSON.stringify(lineStyle(index, 5)));
    expect(new Set(styles).size).toBe(5);
    expect(lineStyle(0, 1)).toEqual({ strokeWidth: 2 });
  });
});
