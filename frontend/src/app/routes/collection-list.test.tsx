import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { API, db, makeCollectible, makeVendor } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { Component as CollectionList } from "./collection-list";

const REFRESH_ALL = { name: "Refresh all prices" };

function renderList(route = "/collection") {
  signIn();
  db.collectibles = [makeCollectible({ name: "Chrono Trigger" })];
  return renderWithProviders(<CollectionList />, { route });
}

describe("collection list: refresh all prices", () => {
  it("is offered for your only collection", async () => {
    renderList();

    expect(await screen.findByRole("button", REFRESH_ALL)).toBeEnabled();
  });

  it("needs one collection on the page: the one filtered to, when you have several", async () => {
    db.vendors = [makeVendor(), makeVendor({ id: 2, name: "The shop", slug: "shop", is_personal: false, role: "editor" })];
    const asked: string[] = [];
    server.use(
      http.post(`${API}/vendors/:id/refresh-prices`, ({ params }) => {
        asked.push(String(params.id));
        return HttpResponse.json({ vendor: 2, queued: 1, jobs: [9], skipped: { paused: 0, already_queued: 0, over_limit: 0 } }, { status: 202 });
      }),
    );
    const all = renderList();
    // Your items, each named with its collection: the vendors are loaded.
    expect((await screen.findAllByText("Ada's collection")).length).toBeGreaterThan(0);
    expect(screen.queryByRole("button", REFRESH_ALL)).not.toBeInTheDocument();
    all.unmount();

    const { user } = renderList("/collection?vendor=2");
    await user.click(await screen.findByRole("button", REFRESH_ALL));

    await expect.poll(() => asked).toEqual(["2"]);
  });

  it("is hidden from a viewer of the collection", async () => {
    db.vendors = [makeVendor({ role: "viewer", is_personal: false })];
    renderList();

    await screen.findAllByText("Chrono Trigger");
    // The vendors are loaded once the viewer's "Import" is gone.
    await waitFor(() => expect(screen.queryByRole("link", { name: "Import" })).not.toBeInTheDocument());
    expect(screen.queryByRole("button", REFRESH_ALL)).not.toBeInTheDocument();
  });
});
