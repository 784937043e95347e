import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";

import { changeLanguage } from "@/i18n";

import type { Dashboard, ItemValue, ValueHistory } from "@/lib/api/types";
import { setVendorPreference } from "@/lib/vendor-preference";
import { API } from "@/testing/handlers";
import { currentUrl, renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { DashboardView } from "./dashboard-view";
import type { ValueChartProps } from "./value-chart";

// jsdom has no layout for Recharts: stand in for the lazily loaded chart.
vi.mock("./value-chart", () => ({
  default: ({ rows, currency, range }: ValueChartProps) => (
    <output data-testid="chart">{`${String(rows.length)} points · ${currency} · ${range} · last ${String(rows.at(-1)?.value)}`}</output>
  ),
}));

function item(overrides: Partial<ItemValue> = {}): ItemValue {
  return {
    id: 7,
    name: "Charizard",
    category: "trading_card",
    condition: "near_mint",
    quantity: 1,
    basis: "observed",
    unit_value: "420.00",
    value: "420.00",
    cost: "100.00",
    price: null,
    age_days: 3,
    is_stale: false,
    unconvertible: false,
    ...overrides,
  };
}

function makeDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    vendor: { id: 1, name: "Ada's collection" },
    currency: "EUR",
    as_of: "2025-01-15T10:00:00Z",
    stale_after_days: 14,
    total_value: "12345.67",
    cost_basis: "10000.00",
    unrealised_gain: { amount: "-234.50", percent: "-2.35", value: "9765.50", cost: "10000.00", item_count: 12 },
    realised_gain: { amount: "80.00", percent: "40.00", proceeds: "280.00", cost: "200.00", item_count: 2 },
    sold_count: 2,
    item_count: 14,
    unit_count: 16,
    priced_count: 13,
    unpriced_count: 1,
    unconvertible_count: 0,
    stale_count: 2,
    by_basis: { observed: 10, manual: 1, purchase: 2, none: 1 },
    most_valuable: [item(), item({ id: 8, name: "Chrono Trigger", value: "150.00", basis: "purchase", age_days: null, is_stale: true })],
    movers_7d: {
      gainers: [{ item: item(), value: "420.00", previous_value: "400.00", change: "20.00", change_percent: "5.00" }],
      losers: [],
    },
    movers_30d: {
      gainers: [],
      losers: [{ item: item({ id: 9, name: "Kind of Blue" }), value: "30.00", previous_value: "40.00", change: "-10.00", change_percent: "-25.00" }],
    },
    by_category: [
      { category: "trading_card", label: "Trading card", value: "10000.00", item_count: 9, priced_count: 9 },
      { category: "vinyl", label: "Vinyl", value: "2345.67", item_count: 5, priced_count: 4 },
    ],
    exchange_rates: { date: "2025-01-15", stale: false },
    display: null,
    ...overrides,
  };
}

function history(range: string): ValueHistory {
  return {
    vendor: { id: 1, name: "Ada's collection" },
    currency: "EUR",
    range: range as ValueHistory["range"],
    from: "2024-12-16",
    to: "2025-01-15",
    points: [
      { day: "2025-01-14", total_value: "12000.00", cost_basis: "10000.00", item_count: 14, priced_count: 13 },
      { day: "2025-01-15", total_value: "12345.67", cost_basis: "10000.00", item_count: 14, priced_count: 13 },
    ],
  };
}

/** Serves the dashboard endpoints and records each request's query string. */
function serve(dashboard: Dashboard | (() => Response)) {
  const requests = { summary: [] as URLSearchParams[], history: [] as URLSearchParams[] };
  server.use(
    http.get(`${API}/dashboard`, ({ request }) => {
      requests.summary.push(new URL(request.url).searchParams);
      return typeof dashboard === "function" ? dashboard() : HttpResponse.json(dashboard);
    }),
    http.get(`${API}/dashboard/value-history`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      requests.history.push(params);
      return HttpResponse.json(history(params.get("range") ?? "1y"));
    }),
  );
  return requests;
}

const euro = (amount: number) => new Intl.NumberFormat(undefined, { style: "currency", currency: "EUR" }).format(amount);

describe("dashboard", () => {
  it("shows the figures in the vendor's currency, gain coloured by direction", async () => {
    signIn();
    serve(makeDashboard());
    renderWithProviders(<DashboardView />);

    const total = await screen.findByTestId("total-value");
    expect(within(total).getByText(euro(12345.67))).toBeInTheDocument();
    expect(within(total).getByText("13 of 14 items priced")).toBeInTheDocument();
    expect(within(screen.getByTestId("cost-basis")).getByText(euro(10000))).toBeInTheDocument();

    const gain = screen.getByTestId("unrealised-gain");
    const amount = within(gain).getByText(`−${euro(234.5)}`);
    expect(amount.closest("dd")).toHaveClass("text-destructive");
    expect(within(gain).getByText("−2.4%")).toHaveClass("text-destructive");
    expect(within(screen.getByTestId("item-count")).getByText("14")).toBeInTheDocument();

    // Most valuable items link to their pages.
    expect(screen.getByRole("link", { name: /Chrono Trigger/ })).toHaveAttribute("href", "/collection/8");
    // Callouts for unpriced and stale items lead to the collection, filtered to them.
    const attention = screen.getByRole("list", { name: "Needs attention" });
    expect(within(attention).getByRole("link", { name: /1 item has no value yet/ })).toHaveAttribute("href", "/collection?priced=false");
    expect(within(attention).getByRole("link", { name: /2 prices are more than 14 days old/ })).toHaveAttribute("href", "/collection?stale=true");
    // Categories with their share of the total.
    const categories = screen.getByRole("list", { name: "Value by category" });
    expect(within(categories).getByText("Vinyl")).toBeInTheDocument();
    expect(within(categories).getByText("81%")).toBeInTheDocument();
    // The chart got the history.
    expect(await screen.findByTestId("chart")).toHaveTextContent("2 points · EUR · 1y · last 12345.67");
  });

  it("shows the headline in the display currency, with the rate and the collection's own figures", async () => {
    signIn();
    const display = { currency: "USD", rate: "1.250000", total_value: "15432.09", cost_basis: "12500.00", unrealised_gain: "-293.13" };
    serve(makeDashboard({ display }));
    renderWithProviders(<DashboardView />);

    const dollars = (amount: number) => new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" }).format(amount);
    expect(within(await screen.findByTestId("total-value")).getByText(dollars(15432.09))).toBeInTheDocument();
    expect(within(screen.getByTestId("cost-basis")).getByText(dollars(12500))).toBeInTheDocument();
    expect(within(screen.getByTestId("unrealised-gain")).getByText(`−${dollars(293.13)}`)).toBeInTheDocument();
    const note = screen.getByTestId("display-currency-note");
    expect(note).toHaveTextContent("1 EUR = 1.25 USD");
    expect(note).toHaveTextContent(`The collection is kept in EUR: ${euro(12345.67)} value`);
  });

  it("notes old exchange rates, and only then", async () => {
    signIn();
    serve(makeDashboard({ exchange_rates: { date: "2025-01-02", stale: true } }));
    const { unmount } = renderWithProviders(<DashboardView />);

    const note = await screen.findByTestId("rates-note");
    const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(2025, 0, 2));
    expect(note).toHaveTextContent(`Exchange rates from ${day}, the newest available`);
    unmount();

    serve(makeDashboard());
    renderWithProviders(<DashboardView />);
    await screen.findByTestId("total-value");
    expect(screen.queryByTestId("rates-note")).not.toBeInTheDocument();
  });

  it("switches movers between 7 and 30 days", async () => {
    signIn();
    serve(makeDashboard());
    const { user } = renderWithProviders(<DashboardView />);
    const gainers = await screen.findByRole("region", { name: "Gainers" });
    expect(within(gainers).getByText("+5.0%")).toHaveClass("text-success", { exact: false });
    await user.click(screen.getByRole("button", { name: "30 days" }));
    const losers = screen.getByRole("region", { name: "Losers" });
    expect(within(losers).getByRole("link", { name: /Kind of Blue/ })).toHaveAttribute("href", "/collection/9");
    expect(within(losers).getByText("−25.0%")).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Gainers" })).getByText("Nothing went up.")).toBeInTheDocument();
  });

  it("asks for the chosen range and keeps it in the URL", async () => {
    signIn();
    const requests = serve(makeDashboard());
    const { user } = renderWithProviders(<DashboardView />);
    await screen.findByTestId("chart");
    expect(requests.history.at(-1)?.get("range")).toBe("1y");

    await user.click(screen.getByRole("button", { name: "Last 3 months" }));
    await waitFor(() => expect(requests.history.at(-1)?.get("range")).toBe("3m"));
    expect(screen.getByRole("button", { name: "Last 3 months" })).toHaveAttribute("aria-pressed", "true");
    expect(currentUrl().searchParams.get("range")).toBe("3m");
    expect(await screen.findByTestId("chart")).toHaveTextContent("3m");

    await user.click(screen.getByRole("button", { name: "All time" }));
    await waitFor(() => expect(requests.history.at(-1)?.get("range")).toBe("all"));
  });

  it("asks for the vendor picked in the shell", async () => {
    signIn();
    setVendorPreference(3);
    const requests = serve(makeDashboard());
    renderWithProviders(<DashboardView />);
    await screen.findByTestId("total-value");
    expect(requests.summary.at(-1)?.get("vendor")).toBe("3");
    await waitFor(() => expect(requests.history.at(-1)?.get("vendor")).toBe("3"));
    expect(screen.getByRole("link", { name: /1 item has no value yet/ })).toHaveAttribute("href", "/collection?vendor=3&priced=false");
  });

  it("invites a new collector to add the first item", async () => {
    signIn();
    serve(makeDashboard({ item_count: 0, unit_count: 0, priced_count: 0, unpriced_count: 0, stale_count: 0, most_valuable: [], by_category: [], total_value: "0.00", cost_basis: "0.00" }));
    renderWithProviders(<DashboardView />);
    expect(await screen.findByRole("heading", { name: "Nothing to value yet" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /add your first item/i })).toHaveAttribute("href", "/collection/new");
    expect(screen.queryByTestId("total-value")).not.toBeInTheDocument();
  });

  it("shows an error with a retry that refetches", async () => {
    signIn();
    let fail = true;
    serve(() =>
      fail ? HttpResponse.json({ detail: "Database unavailable.", code: "server_error" }, { status: 503 }) : HttpResponse.json(makeDashboard()),
    );
    const { user } = renderWithProviders(<DashboardView />);
    expect(await screen.findByText("Could not load the dashboard")).toBeInTheDocument();
    expect(screen.getByText("Database unavailable.")).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("total-value")).toBeInTheDocument();
  });
});

describe("dashboard in German", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("speaks German, with plurals and placeholders from the catalogue", async () => {
    await changeLanguage("de");
    signIn();
    serve(makeDashboard({ most_valuable: [item({ age_days: 0 })] }));
    renderWithProviders(<DashboardView />);

    expect(await screen.findByRole("heading", { name: "Übersicht", level: 1 })).toBeInTheDocument();
    expect(within(await screen.findByTestId("total-value")).getByText("13 von 14 Objekten bepreist")).toBeInTheDocument();
    expect(within(screen.getByTestId("item-count")).getByText("16 Stück insgesamt")).toBeInTheDocument();
    const gain = screen.getByTestId("unrealised-gain");
    expect(within(gain).getByText("−2,4 %")).toHaveClass("text-destructive");
    expect(gain).toHaveTextContent("−2,4 % auf 12 Objekte mit Kaufpreis");
    const attention = screen.getByRole("list", { name: "Braucht Aufmerksamkeit" });
    expect(within(attention).getByRole("link", { name: /^1 Objekt hat noch keinen Wert/ })).toBeInTheDocument();
    expect(within(attention).getByRole("link", { name: /^2 Preise sind älter als 14 Tage/ })).toBeInTheDocument();
    expect(screen.getByText("Marktpreis · heute")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Letzte 3 Monate" })).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Wert nach Kategorie" })).getByText("81 %")).toBeInTheDocument();
  });
});
