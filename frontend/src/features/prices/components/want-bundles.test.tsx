import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import type { WantBundle, WantBundleItem, WantBundles as WantBundlesBody } from "@/lib/api/types";
import { now } from "@/testing/factories";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { WantBundles } from "./want-bundles";

const URL = "/api/v1/want-bundles/";

function item(overrides: Partial<WantBundleItem> = {}): WantBundleItem {
  return {
    collectible: 1,
    name: "Led Zeppelin – IV",
    vendor: 1,
    max_price: "120.00",
    max_price_currency: "EUR",
    source: "structured",
    price: "20.00",
    currency: "EUR",
    converted_price: "20.00",
    shipping: "4.50",
    condition: "",
    url: "https://market.example/market/led-zeppelin-iv",
    observed_at: now,
    tracker: 1,
    ...overrides,
  };
}

function bundle(overrides: Partial<WantBundle> = {}): WantBundle {
  return {
    seller: "The Vinyl Vault",
    seller_key: "market.example|vinyl-vault",
    item_count: 3,
    total: "41.50",
    currency: "EUR",
    shipping_separately: "13.50",
    items: [
      item(),
      item({ collectible: 2, name: "Nirvana – Nevermind", price: "12.00", converted_price: "12.00", tracker: 2 }),
      item({ collectible: 3, name: "Daredevil #168", price: "10.50", currency: "USD", converted_price: "9.50", url: "ftp://x", tracker: 3 }),
    ],
    ...overrides,
  };
}

function answer(body: WantBundlesBody | (() => Response), seen: URL[] = []) {
  server.use(
    http.get(URL, ({ request }) => {
      seen.push(new globalThis.URL(request.url));
      return typeof body === "function" ? body() : HttpResponse.json(body);
    }),
  );
  return seen;
}

describe("WantBundles", () => {
  it("shows each seller's bundle and expands it to the items with links", async () => {
    signIn();
    answer({ currency: "EUR", count: 2, results: [bundle(), bundle({ seller: "Graded Goods", seller_key: "g", item_count: 2, total: "30.00", shipping_separately: null })] });
    const { user } = renderWithProviders(<WantBundles vendor={null} />);

    const list = await screen.findByRole("list", { name: "Seller bundles" });
    const toggle = within(list).getByRole("button", { name: /3 of your wants from one seller, €41\.50 total/ });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveTextContent("The Vinyl Vault · €13.50 shipping if bought one by one");
    expect(within(list).getByRole("button", { name: /2 of your wants from one seller, €30\.00 total/ })).toHaveTextContent("Graded Goods");

    await user.click(toggle);

    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const offers = screen.getByRole("list", { name: "Offers from The Vinyl Vault" });
    const [first, , last] = within(offers).getAllByRole("listitem");
    if (!first || !last) throw new Error("expected three offers");
    expect(within(offers).getAllByRole("listitem")).toHaveLength(3);
    expect(within(first).getByRole("link", { name: "Led Zeppelin – IV" })).toHaveAttribute("href", "/collection/1");
    expect(within(first).getByRole("link", { name: /Open The Vinyl Vault's offer/ })).toHaveAttribute("href", "https://market.example/market/led-zeppelin-iv");
    expect(first).toHaveTextContent("+ €4.50 shipping");
    expect(last).toHaveTextContent("$10.50 (≈ €9.50)");
    expect(within(last).queryByRole("link", { name: /Open/ })).toBeNull(); // not an http(s) page
  });

  it("asks for the vendor's bundles when one is chosen", async () => {
    signIn();
    const seen = answer({ currency: "USD", count: 0, results: [] });
    renderWithProviders(<WantBundles vendor={7} />);

    expect(await screen.findByText(/No seller offers two or more of your wants/)).toBeInTheDocument();
    expect(seen[0]?.searchParams.get("vendor")).toBe("7");
  });

  it("says how many bundles there are when only the largest are shown", async () => {
    signIn();
    answer({ currency: "EUR", count: 60, results: [bundle()] });
    renderWithProviders(<WantBundles vendor={null} />);

    expect(await screen.findByText("The 1 largest of 60 bundles.")).toBeInTheDocument();
  });

  it("shows an error with a retry", async () => {
    signIn();
    answer(() => HttpResponse.json({ detail: "Database down.", code: "service_unavailable" }, { status: 503 }));
    renderWithProviders(<WantBundles vendor={null} />);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the bundles");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
