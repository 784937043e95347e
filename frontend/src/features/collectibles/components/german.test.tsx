import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { changeLanguage } from "@/i18n";
import { makeCollectible } from "@/testing/factories";
import { db, makeVendor } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";

import { emptyFormValues } from "../lib/form-schema";
import { CollectibleDetail } from "./collectible-detail";
import { CollectibleForm } from "./collectible-form";
import { CollectionView } from "./collection-view";

const owned = makeCollectible({
  quantity: 2,
  purchase_price: "10.00",
  valuation: {
    basis: "observed",
    currency: "EUR",
    unit_value: "30.00",
    value: "60.00",
    cost: "20.00",
    proceeds: null,
    realised_gain: null,
    price: null,
    age_days: 3,
    is_stale: true,
    unconvertible: false,
    valued_at: new Date().toISOString(),
  },
});

describe("the collection screens in German", () => {
  beforeEach(async () => {
    await changeLanguage("de");
  });
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("counts the items and names the filters, chips and sort in German", async () => {
    signIn();
    db.collectibles = [makeCollectible({ name: "Kind of Blue", category: "vinyl" }), makeCollectible({ name: "Blue Train", category: "vinyl" })];
    renderWithProviders(<CollectionView vendors={db.vendors} />, { route: "/collection?category=vinyl&location=Binder%202" });

    expect(await screen.findByText("2 Objekte entsprechen Ihren Filtern")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Sammlung" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Sortierung" })).toHaveDisplayValue("Neueste zuerst");
    expect(screen.getByRole("button", { name: "Kategorie (1 ausgewählt)" })).toBeInTheDocument();
    const chips = screen.getByRole("list", { name: "Aktive Filter" });
    expect(within(chips).getByText("In Binder 2")).toBeInTheDocument();
    expect(within(chips).getByRole("button", { name: "Filter In Binder 2 entfernen" })).toBeInTheDocument();
  });

  it("shows an item's value with its basis and age (a plural) in German", () => {
    renderWithProviders(<CollectibleDetail item={owned} vendor={undefined} renderPrices={() => null} />);

    const header = screen.getByTestId("header-value");
    expect(within(header).getByText("Markt, 3 Tage alt · veraltet")).toBeInTheDocument();
    expect(screen.getByText("Fakten")).toBeInTheDocument();
    expect(screen.getByText("Kaufpreis je Stück")).toBeInTheDocument();
  });

  it("validates the item form in German", async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    const { user } = renderWithProviders(<CollectibleForm mode="create" vendors={[makeVendor()]} defaultValues={emptyFormValues(1)} onSubmit={onSubmit} />);

    await user.click(screen.getByRole("button", { name: "Objekt hinzufügen" }));

    expect(screen.getByRole("textbox", { name: /^Name/ })).toHaveAccessibleDescription("Ein Objekt braucht einen Namen.");
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
