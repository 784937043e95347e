import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { API, db, makeCollectible } from "@/testing/handlers";
import { currentUrl, renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { CollectionView } from "./collection-view";

/** Records the query string of every list request the view makes. */
function recordListRequests() {
  const seen: URLSearchParams[] = [];
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === `${API}/collectibles/`) seen.push(url.searchParams);
  });
  return seen;
}

describe("collection list: filters ↔ URL", () => {
  it("restores filters, sort and page from a shared URL and asks the API for exactly that", async () => {
    signIn();
    db.collectibles = Array.from({ length: 30 }, (_, i) =>
      makeCollectible({ name: `Record ${String(i).padStart(2, "0")}`, category: "vinyl", condition: "mint", tags: ["jazz"] }),
    );
    const requests = recordListRequests();

    const { user } = renderWithProviders(<CollectionView vendors={db.vendors} />, {
      route: "/collection?category=vinyl&condition=mint&tag=jazz&ordering=name&page=2&page_size=10",
    });

    expect(await screen.findAllByText("Record 10")).not.toHaveLength(0);
    const last = requests.at(-1);
    expect(last?.getAll("category")).toEqual(["vinyl"]);
    expect(last?.getAll("condition")).toEqual(["mint"]);
    expect(last?.get("tag")).toBe("jazz");
    expect(last?.get("ordering")).toBe("name");
    expect(last?.get("page")).toBe("2");
    expect(last?.get("page_size")).toBe("10");

    // The controls show the state from the URL.
    expect(screen.getByRole("combobox", { name: "Sort" })).toHaveValue("name");
    expect(screen.getByRole("textbox", { name: "Tag" })).toHaveValue("jazz");
    expect(screen.getByRole("button", { name: "Category (1 selected)" })).toBeInTheDocument();
    const chips = screen.getByRole("list", { name: "Active filters" });
    expect(within(chips).getByText("Vinyl")).toBeInTheDocument();
    expect(within(chips).getByText("Mint")).toBeInTheDocument();
    expect(screen.getByText("11–20 of 30")).toBeInTheDocument();

    // Going to the next page writes it to the URL.
    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(currentUrl().searchParams.get("page")).toBe("3");
  });

  it("writes filter and sort changes to the URL and restarts at page 1", async () => {
    signIn();
    db.collectibles = [makeCollectible({ name: "Kind of Blue", category: "vinyl" })];
    const { user } = renderWithProviders(<CollectionView vendors={db.vendors} />, { route: "/collection?category=vinyl&page=3" });
    await screen.findByRole("button", { name: "Category (1 selected)" });

    await user.selectOptions(screen.getByRole("combobox", { name: "Sort" }), "-purchase_price");
    expect(currentUrl().searchParams.get("ordering")).toBe("-purchase_price");
    expect(currentUrl().searchParams.has("page")).toBe(false);

    await user.click(screen.getByRole("button", { name: "Category (1 selected)" }));
    await user.click(await screen.findByRole("checkbox", { name: "Comic" }));
    expect(currentUrl().searchParams.getAll("category")).toEqual(["vinyl", "comic"]);

    await user.keyboard("{Escape}");
    const tag = screen.getByRole("textbox", { name: "Tag" });
    await user.type(tag, "First Edition{Enter}");
    expect(currentUrl().searchParams.get("tag")).toBe("first edition");

    await user.click(screen.getByRole("button", { name: "Remove filter Vinyl" }));
    expect(currentUrl().searchParams.getAll("category")).toEqual(["comic"]);
  });

  it("invites to add the first item when the collection is empty", async () => {
    signIn();
    renderWithProviders(<CollectionView vendors={db.vendors} />, { route: "/collection" });
    expect(await screen.findByText("Your collection is empty")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /add your first item/i })).toHaveAttribute("href", "/collection/new");
  });

  it("shows an error with a retry that refetches", async () => {
    signIn();
    let fail = true;
    server.use(
      http.get(`${API}/collectibles/`, () =>
        fail ? HttpResponse.json({ detail: "Database unavailable.", code: "server_error" }, { status: 503 }) : undefined,
      ),
    );
    db.collectibles = [makeCollectible({ name: "Chrono Trigger" })];
    const { user } = renderWithProviders(<CollectionView vendors={db.vendors} />, { route: "/collection" });

    expect(await screen.findByText("Could not load your collection")).toBeInTheDocument();
    expect(screen.getByText("Database unavailable.")).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(screen.getAllByText("Chrono Trigger").length).toBeGreaterThan(0));
  });
});
