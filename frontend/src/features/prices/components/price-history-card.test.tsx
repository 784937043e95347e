import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";

import { API, db, makeSeries } from "@/testing/handlers";
import { currentUrl, renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { PriceHistoryCard } from "./price-history-card";
import type { PriceChartProps } from "./price-chart";

// jsdom has no layout for Recharts to measure: stand in for the lazily loaded chart and
// show what it was given.
vi.mock("./price-chart", () => ({
  default: ({ rows, lines, currency, interval }: PriceChartProps) => (
    <output data-testid="chart">{`${String(rows.length)} rows · ${lines.map((l) => l.label).join(", ")} · ${currency} · ${interval}`}</output>
  ),
}));

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/** The GET /prices requests for the chart (the card also asks for all history once). */
const chartRequests = () => db.priceRequests.map((q) => Object.fromEntries(q.entries()));

function setup(route = "/collection/101") {
  signIn();
  return renderWithProviders(<PriceHistoryCard collectibleId={101} itemCondition="near_mint" />, { route });
}

describe("price chart range", () => {
  it("maps each toggle to from= and an interval, and keeps the range in the URL", async () => {
    db.priceSeries = [makeSeries([10, 11, 12])];
    const { user } = setup();

    expect(await screen.findByRole("button", { name: "Last 3 months" })).toHaveAttribute("aria-pressed", "true");
    expect(chartRequests()).toContainEqual({ from: daysAgo(90), interval: "day" });

    await user.click(screen.getByRole("button", { name: "Last year" }));
    expect(screen.getByRole("button", { name: "Last year" })).toHaveAttribute("aria-pressed", "true");
    expect(chartRequests().at(-1)).toEqual({ from: daysAgo(365), interval: "week" });
    expect(currentUrl().searchParams.get("range")).toBe("1Y");

    await user.click(screen.getByRole("button", { name: "Last month" }));
    expect(chartRequests().at(-1)).toEqual({ from: daysAgo(30), interval: "day" });

    // All history: an explicit early start (the API defaults to one year) in monthly buckets.
    // Already fetched once to tell "no prices at all" from "none in range": served from cache.
    const before = db.priceRequests.length;
    await user.click(screen.getByRole("button", { name: "All history" }));
    expect(currentUrl().searchParams.get("range")).toBe("ALL");
    expect(chartRequests()).toContainEqual({ from: "1990-01-01", interval: "month" });
    expect(db.priceRequests.length).toBe(before);
  });

  it("starts from the range in the URL", async () => {
    db.priceSeries = [makeSeries([10])];
    setup("/collection/101?range=1Y");
    expect(await screen.findByRole("button", { name: "Last year" })).toHaveAttribute("aria-pressed", "true");
    expect(chartRequests()[0]).toEqual({ from: daysAgo(365), interval: "week" });
  });
});

describe("price chart states", () => {
  it("says there are no prices yet when the item has no history at all", async () => {
    db.priceSeries = [];
    setup();
    expect(await screen.findByRole("heading", { name: "No prices yet — add a tracker or refresh" })).toBeInTheDocument();
    expect(screen.queryByRole("img", { name: /price chart/i })).not.toBeInTheDocument();
  });

  it("tells an empty range apart from no history", async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/collectibles/:id/prices`, ({ request }) => {
        calls += 1;
        const all = new URL(request.url).searchParams.get("from") === "1990-01-01";
        return HttpResponse.json({ collectible: 101, interval: "day", from: "2025-01-01", to: "2025-01-15", series: all ? [makeSeries([5, 6])] : [] });
      }),
    );
    setup();
    expect(await screen.findByRole("heading", { name: "No prices in this range" })).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it("shows the summary of the series in the item's condition, with the chart", async () => {
    db.priceSeries = [
      makeSeries([20, 30], { condition: "loose" }),
      makeSeries([100, 90, 95], {
        condition: "near_mint",
        summary: {
          latest: "95.00",
          latest_at: "2025-01-15T00:00:00Z",
          min: "90.00",
          max: "100.00",
          change_7d: { absolute: "5.00", percent: "5.56", reference_price: "90.00", reference_at: "2025-01-08T00:00:00Z" },
          change_30d: null,
        },
      }),
    ];
    setup();
    const stats = await screen.findByText("Latest");
    const summary = stats.closest("dl");
    if (!summary) throw new Error("no summary list");
    expect(within(summary).getByText("€95.00")).toBeInTheDocument();
    expect(within(summary).getByText("+€5.00 (+5.6%)")).toBeInTheDocument();
    expect(within(summary).getByText("No price a month older")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Summary for" })).toHaveDisplayValue("PriceCharting · Near mint");
    expect(screen.getByRole("img", { name: /price chart, 2 series in EUR/i })).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Series" })).getAllByRole("listitem")).toHaveLength(2);
    // Two series merged on their dates: 3 distinct days.
    expect(await screen.findByTestId("chart")).toHaveTextContent("3 rows · PriceCharting · Loose, PriceCharting · Near mint · EUR · day");
  });

  it("shows an error with a retry that loads the prices", async () => {
    let fail = true;
    server.use(
      http.get(`${API}/collectibles/:id/prices`, () =>
        fail
          ? HttpResponse.json({ detail: "Database unavailable.", code: "error" }, { status: 500 })
          : HttpResponse.json({ collectible: 101, interval: "day", from: "2025-01-01", to: "2025-01-15", series: [makeSeries([1, 2])] }),
      ),
    );
    const { user } = setup();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the prices");
    expect(alert).toHaveTextContent("Database unavailable.");
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("img", { name: /price chart/i })).toBeInTheDocument();
  });
});
