import { cleanup, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";
import type { SearchResult } from "@/lib/api/types";
import { API } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import SearchPaletteDialog from "./search-palette";
import { SearchResultsView } from "./search-results-view";

const result: SearchResult = {
  id: 4, vendor: 1, name: "Glurak", category: "trading_card", set_name: "Base Set", number: "4", condition: "near_mint",
  completeness: "loose", grader: "other", grade: null, quantity: 1, tags: [], card_details: null,
  created_at: "2025-01-15T10:00:00Z", updated_at: "2025-01-15T10:00:00Z", rank: 1,
  highlights: { name: "<mark>Glurak</mark>", number: "<mark>4</mark>", notes: "vom <mark>Flohmarkt</mark>" },
};

function answer(count: number, didYouMean: string | null = null) {
  server.use(http.get(`${API}/search`, () => HttpResponse.json({ count, next: null, previous: null, did_you_mean: didYouMean, results: [result] })));
}

describe("search results in German", () => {
  afterEach(async () => {
    cleanup(); // before the language changes back under mounted components
    await changeLanguage("en", false);
  });

  it("counts the matches with a plural, and names the category, condition and fields in German", async () => {
    signIn();
    await changeLanguage("de");
    answer(30);
    renderWithProviders(<SearchResultsView />, { route: "/search?q=glurak" });
    expect(await screen.findByText("30 Objekte passen zu „glurak“")).toBeInTheDocument();
    const link = screen.getByRole("link", { name: /Glurak/ });
    expect(link).toHaveTextContent("Sammelkarte · Base Set · Nr. 4 · Fast neuwertig (Near Mint)");
    expect(link).toHaveTextContent("Notizen: vom Flohmarkt");
    expect(screen.getByRole("searchbox", { name: "Suchtext" })).toHaveValue("glurak");
    expect(screen.getByRole("button", { name: "Nächste Seite" })).toBeInTheDocument();
    expect(screen.getByText("1–25 von 30")).toBeInTheDocument();
  });

  it("uses the singular for one match and offers the correction inside the sentence", async () => {
    signIn();
    await changeLanguage("de");
    answer(1);
    const { unmount } = renderWithProviders(<SearchResultsView />, { route: "/search?q=glurak" });
    expect(await screen.findByText("1 Objekt passt zu „glurak“")).toBeInTheDocument();
    unmount();

    answer(1, "glurak");
    renderWithProviders(<SearchResultsView />, { route: "/search?q=glurk" });
    const correction = await screen.findByRole("link", { name: "glurak" });
    expect(correction.closest("p")).toHaveTextContent("Keine Objekte passen zu „glurk“. Ergebnisse für glurak werden angezeigt.");
  });

  it("keeps the English texts byte for byte", async () => {
    signIn();
    answer(1, "glurak");
    renderWithProviders(<SearchResultsView />, { route: "/search?q=glurk" });
    const correction = await screen.findByRole("link", { name: "glurak" });
    expect(correction.closest("p")).toHaveTextContent(/^No items match “glurk”\. Showing results for glurak\.$/);
    expect(screen.getByRole("link", { name: /Glurak/ })).toHaveTextContent("Trading card · Base Set · #4 · Near mint");
  });
});

describe("the palette's texts", () => {
  afterEach(async () => {
    cleanup();
    await changeLanguage("en", false);
  });

  it("keeps the key hints' markup in both languages", async () => {
    signIn();
    const { unmount } = renderWithProviders(<SearchPaletteDialog open onOpenChange={() => undefined} />);
    const hintsOf = (words: string) => screen.findByText((_, element) => element?.tagName === "P" && element.textContent.includes(words) && element.querySelector("kbd") !== null);
    const hints = await hintsOf("to move");
    expect(hints).toHaveTextContent("↑ ↓ to moveEnter to openEsc to close");
    expect(hints.querySelectorAll("kbd")).toHaveLength(4);
    unmount();

    await changeLanguage("de");
    renderWithProviders(<SearchPaletteDialog open onOpenChange={() => undefined} />);
    expect(await screen.findByRole("combobox", { name: "Ihre Objekte durchsuchen" })).toBeInTheDocument();
    expect(await hintsOf("zum Wählen")).toHaveTextContent("↑ ↓ zum WählenEnter zum ÖffnenEsc zum Schließen");
  });
});
