import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";

import { SharedPage } from "./shared-page";

const API = "/api/v1/public/collections";
const page = (results: object[], show_prices = false) => ({
  name: "Kanto Cards", show_prices, count: results.length, next: null, previous: null, results,
});
const item = { name: "Charizard", category: "trading_card", set_name: "Base", number: "4", condition: "near_mint", grader: "", grade: null, quantity: 2 };
const notFound = () => HttpResponse.json({ detail: "Not found.", code: "not_found" }, { status: 404 });

describe("SharedPage", () => {
  it("lists the shared collection without prices and hides a private want list", async () => {
    server.use(
      http.get(`${API}/:key`, () => HttpResponse.json(page([item]))),
      http.get(`${API}/:key/wants`, notFound),
    );
    renderWithProviders(<SharedPage shareKey="kanto" />);
    expect(await screen.findByRole("heading", { name: "Kanto Cards" })).toBeInTheDocument();
    expect(await screen.findByText("Charizard")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /Want list/ })).toBeNull();
    expect(screen.getByText(/Near mint/)).toBeInTheDocument(); // in words, not near_mint
    expect(screen.queryByText(/\$|USD/)).toBeNull();
  });

  it("shows values when the owner shares them", async () => {
    server.use(
      http.get(`${API}/:key`, () => HttpResponse.json(page([{ ...item, value: "300.00", unit_value: "150.00", currency: "USD" }], true))),
      http.get(`${API}/:key/wants`, () => HttpResponse.json(page([], true))),
    );
    renderWithProviders(<SharedPage shareKey="kanto" />);
    expect(await screen.findByText(/\$300\.00/)).toBeInTheDocument();
    expect(await screen.findByText("Nothing here yet")).toBeInTheDocument();
  });

  it("writes a grade and a wanted price the way the reader's language does", async () => {
    const want = { ...item, grader: "psa", grade: "9.5", max_price: "1250.50", max_price_currency: "EUR" };
    server.use(
      http.get(`${API}/:key`, notFound),
      http.get(`${API}/:key/wants`, () => HttpResponse.json(page([want], true))),
    );
    await changeLanguage("de");
    try {
      renderWithProviders(<SharedPage shareKey="kanto" />);
      expect(await screen.findByText(/PSA 9,5/)).toBeInTheDocument();
      expect(screen.getByText(/1\.250,50\s€/)).toBeInTheDocument();
    } finally {
      await changeLanguage("en", false);
    }
  });

  it("says nothing is shared when both lists are closed", async () => {
    server.use(http.get(`${API}/:key`, notFound), http.get(`${API}/:key/wants`, notFound));
    renderWithProviders(<SharedPage shareKey="gone" />);
    expect(await screen.findByText("Nothing is shared here")).toBeInTheDocument();
  });
});
