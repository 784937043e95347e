import { describe, expect, it } from "vitest";

import { formatDay, tickFormatter, tickUnitFor } from "./chart-dates";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe("chart date ticks", () => {
  it("says month and full year for monthly ticks, never a two-digit year", () => {
    const format = tickFormatter("month", day("2025-01-01"), day("2026-06-01"), "en-US");
    expect(format(day("2025-12-01"))).toBe("Dec 2025");
    expect(format(day("2025-12-01"))).not.toBe("Dec 25");
    expect(tickFormatter("month", 0, 1, "de-DE")(day("2025-12-01"))).toBe("Dez. 2025");
  });

  it("says day and month within one year, and the year when the axis crosses one", () => {
    expect(tickFormatter("day", day("2025-11-01"), day("2025-12-31"), "en-US")(day("2025-12-05"))).toBe("Dec 5");
    const crossing = tickFormatter("day", day("2025-12-01"), day("2026-01-31"), "en-US");
    expect(crossing(day("2025-12-28"))).toBe("Dec 28, 2025");
    expect(crossing(day("2026-01-03"))).toBe("Jan 3, 2026");
    expect(tickFormatter("day", day("2025-11-01"), day("2025-12-31"), "de-DE")(day("2025-12-05"))).toBe("5. Dez.");
  });

  it("reads UTC days whatever the browser's zone", () => {
    expect(formatDay(day("2025-12-05"), "en-US")).toBe("Dec 5, 2025");
  });

  it("picks monthly ticks for long spans only", () => {
    expect(tickUnitFor(day("2025-01-01"), day("2025-03-01"))).toBe("day");
    expect(tickUnitFor(day("2025-01-01"), day("2025-12-01"))).toBe("month");
  });
});
