import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import type { SearchResult } from "@/lib/api/types";
import { API } from "@/testing/handlers";
import { currentUrl, renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { SearchResultsView } from "./search-results-view";

function result(id: number): SearchResult {
  return {
    id, vendor: 1, name: `Charizard ${String(id)}`, category: "trading_card", set_name: "", number: "", condition: "mint",
    completeness: "loose", grader: "other", grade: null, quantity: 1, tags: [], card_details: null,
    created_at: "2025-01-15T10:00:00Z", updated_at: "2025-01-15T10:00:00Z", rank: 1, highlights: { name: `<mark>Charizard</mark> ${String(id)}` },
  };
}

describe("search results page", () => {
  it("searches what the URL says, paginates through the URL and submits new text at page 1", async () => {
    signIn();
    const asked: Record<string, string>[] = [];
    server.use(
      http.get(`${API}/search`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(Object.fromEntries(params.entries()));
        const page = Number(params.get("page") ?? "1");
        return HttpResponse.json({ count: 30, next: null, previous: null, did_you_mean: null, results: [result(page * 100), result(page * 100 + 1)] });
      }),
    );
    const { user } = renderWithProviders(<SearchResultsView />, { route: "/search?q=charizard&page=2&page_size=10" });

    expect(await screen.findByRole("link", { name: /Charizard 200/ })).toHaveAttribute("href", "/collection/200");
    expect(asked.at(-1)).toEqual({ q: "charizard", page: "2", page_size: "10" });
    expect(screen.getByText("30 items match “charizard”")).toBeInTheDocument();
    expect(screen.getByRole("searchbox", { name: "Search text" })).toHaveValue("charizard");

    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(currentUrl().searchParams.get("page")).toBe("3");
    await screen.findByRole("link", { name: /Charizard 300/ });

    const box = screen.getByRole("searchbox", { name: "Search text" });
    await user.clear(box);
    await user.type(box, "blastoise{Enter}");
    expect(currentUrl().search).toBe("?q=blastoise&page_size=10");
    await waitFor(() => expect(asked.at(-1)).toEqual({ q: "blastoise", page: "1", page_size: "10" }));
  });
});
