import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse, delay } from "msw";
import { describe, expect, it } from "vitest";

import type { SearchPage, SearchResult } from "@/lib/api/types";
import { API } from "@/testing/handlers";
import { currentUrl, renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { SearchPalette } from "./search-launcher";

function result(id: number, name: string, highlights: SearchResult["highlights"] = {}): SearchResult {
  return {
    id,
    vendor: 1,
    name,
    category: "trading_card",
    set_name: "Base Set",
    number: "4/102",
    condition: "near_mint",
    completeness: "loose",
    grader: "other",
    grade: null,
    quantity: 1,
    tags: [],
    card_details: null,
    created_at: "2025-01-15T10:00:00Z",
    updated_at: "2025-01-15T10:00:00Z",
    rank: 0.5,
    highlights,
  };
}

/** Answers GET /search with `answer(q)` and records every q asked. */
function serveSearch(answer: (q: string) => Partial<SearchPage> = () => ({})) {
  const asked: string[] = [];
  server.use(
    http.get(`${API}/search`, async ({ request }) => {
      const q = new URL(request.url).searchParams.get("q") ?? "";
      asked.push(q);
      await delay(5);
      const page: SearchPage = { count: 0, next: null, previous: null, did_you_mean: null, results: [], ...answer(q) };
      if (page.count === 0) page.count = page.results.length;
      return HttpResponse.json(page);
    }),
  );
  return asked;
}

const charizards = () => ({
  results: [
    result(7, "Charizard", { name: "<mark>Chari</mark>zard" }),
    result(8, "Charizard ex", { name: "<mark>Chari</mark>zard ex", notes: "<img src=x onerror=alert(1)>bought at <mark>chari</mark>ty" }),
  ],
});

describe("search palette", () => {
  it("opens with Ctrl-K and closes with Escape", async () => {
    signIn();
    serveSearch();
    const { user } = renderWithProviders(<SearchPalette />);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();

    await user.keyboard("{Control>}k{/Control}");
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByRole("combobox", { name: "Search your items" })).toHaveFocus();

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    await user.keyboard("{Meta>}k{/Meta}");
    expect(await screen.findByRole("dialog")).toBeInTheDocument();
  });

  it("debounces typing into one request and highlights the matches safely", async () => {
    signIn();
    const asked = serveSearch(charizards);
    const { user } = renderWithProviders(<SearchPalette />);
    await user.keyboard("{Control>}k{/Control}");
    await user.type(await screen.findByRole("combobox"), "chari");

    const listbox = screen.getByRole("listbox", { name: "Search results" });
    await within(listbox).findByRole("option", { name: /Charizard ex/ });
    expect(asked).toEqual(["chari"]);

    const marks = listbox.querySelectorAll("mark");
    expect([...marks].map((m) => m.textContent)).toEqual(["Chari", "Chari", "chari"]);
    expect(listbox.querySelector("img")).toBeNull();
    expect(within(listbox).getByText(/bought at/)).toBeInTheDocument();
  });

  it("moves with the arrow keys and opens the chosen item with Enter", async () => {
    signIn();
    serveSearch(charizards);
    const { user } = renderWithProviders(<SearchPalette />);
    await user.keyboard("{Control>}k{/Control}");
    const input = await screen.findByRole("combobox");
    await user.type(input, "chari");
    const options = await screen.findAllByRole("option");
    // Two results and "See all".
    expect(options).toHaveLength(3);
    expect(options[0]).toHaveAttribute("aria-selected", "true");
    expect(input).toHaveAttribute("aria-activedescendant", options[0]?.id);

    await user.keyboard("{ArrowDown}");
    expect(options[1]).toHaveAttribute("aria-selected", "true");
    expect(input).toHaveAttribute("aria-activedescendant", options[1]?.id);
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowUp}{ArrowUp}"); // wraps around
    expect(options[1]).toHaveAttribute("aria-selected", "true");

    await user.keyboard("{Enter}");
    expect(currentUrl().pathname).toBe("/collection/8");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("offers the full results page as the last option", async () => {
    signIn();
    serveSearch(charizards);
    const { user } = renderWithProviders(<SearchPalette />);
    await user.keyboard("{Control>}k{/Control}");
    await user.type(await screen.findByRole("combobox"), "chari");
    await screen.findByRole("option", { name: /See all 2 results/ });
    await user.keyboard("{ArrowUp}{Enter}");
    expect(currentUrl().pathname).toBe("/search");
    expect(currentUrl().searchParams.get("q")).toBe("chari");
  });

  it("says “did you mean” when the API offers a correction, and searches it on click", async () => {
    signIn();
    const asked = serveSearch((q) => (q === "charzard" ? { did_you_mean: "charizard", ...charizards() } : charizards()));
    const { user } = renderWithProviders(<SearchPalette />);
    await user.keyboard("{Control>}k{/Control}");
    const input = await screen.findByRole("combobox");
    await user.type(input, "charzard");
    await user.click(await screen.findByRole("button", { name: "charizard" }));
    expect(input).toHaveValue("charizard");
    await waitFor(() => expect(asked).toEqual(["charzard", "charizard"]));
  });

  it("never asks the API about blank text", async () => {
    signIn();
    const asked = serveSearch();
    const { user } = renderWithProviders(<SearchPalette />);
    await user.keyboard("{Control>}k{/Control}");
    await user.type(await screen.findByRole("combobox"), "   ");
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(asked).toEqual([]);
    expect(screen.getByRole("status")).toHaveTextContent("Type to search");
  });
});
