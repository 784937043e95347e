import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

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
    expect(screen.queryByText(/USD/)).toBeNull();
  });

  it("shows values when the owner shares them", async () => {
    server.use(
      http.get(`${API}/:key`, () => HttpResponse.json(page([{ ...item, value: "300.00", unit_value: "150.00", currency: "USD" }], true))),
      http.get(`${API}/:key/wants`, () => HttpResponse.json(page([], true))),
    );
    renderWithProviders(<SharedPage shareKey="kanto" />);
    expect(await screen.findByText(/300\.00 USD/)).toBeInTheDocument();
    expect(await screen.findByText("Nothing here yet")).toBeInTheDocument();
  });

  it("says nothing is shared when both lists are closed", async () => {
    server.use(http.get(`${API}/:key`, notFound), http.get(`${API}/:key/wants`, notFound));
    renderWithProviders(<SharedPage shareKey="gone" />);
    expect(await screen.findByText("Nothing is shared here")).toBeInTheDocument();
  });
});
