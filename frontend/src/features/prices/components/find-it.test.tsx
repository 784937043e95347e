import { screen, within } from "@testing-library/react";
import { http, HttpResponse, delay } from "msw";
import { describe, expect, it, vi } from "vitest";

import { API } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { TrackerForm } from "./tracker-dialog";

const RELEASE = {
  title: "Rick Astley - Never Gonna Give You Up",
  url: "https://www.discogs.com/release/249504",
  subtitle: '1987 — Vinyl · 7" — RCA — PB 41447',
  image: "https://i.discogs.com/thumb.jpeg",
  price: "",
};

function setup() {
  signIn();
  return renderWithProviders(
    <TrackerForm collectibleId={101} itemCondition="near_mint" itemQuery="Never Gonna Give You Up PB 41447" onDone={vi.fn()} onCancel={vi.fn()} />,
  );
}

const urlBox = () => screen.getByRole("textbox", { name: /page address/i });
const queryBox = () => screen.getByRole("textbox", { name: /name and number/i });

describe("Find it", () => {
  it("searches the chosen source with the item's name and number and fills the address and source", async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(`${API}/catalogue-search/`, async ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        await delay(30);
        return HttpResponse.json({ source: "discogs", query: "Never Gonna Give You Up PB 41447", results: [RELEASE] });
      }),
    );
    const { user } = setup();

    await user.click(screen.getByRole("button", { name: "Find it" }));
    expect(queryBox()).toHaveValue("Never Gonna Give You Up PB 41447");
    await user.selectOptions(screen.getByRole("combobox", { name: /search on/i }), "discogs");
    await user.click(screen.getByRole("button", { name: "Search" }));

    expect(await screen.findByText("Searching Discogs…")).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Matches on Discogs" });
    expect(asked[0]?.get("source")).toBe("discogs");
    expect(asked[0]?.get("q")).toBe("Never Gonna Give You Up PB 41447");
    expect(within(list).getByText(RELEASE.subtitle)).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: /Rick Astley/ }));

    expect(urlBox()).toHaveValue("https://www.discogs.com/release/249504");
    expect(screen.getByRole("combobox", { name: /^source/i })).toHaveDisplayValue("Discogs");
    expect(screen.queryByRole("region", { name: "Find it" })).not.toBeInTheDocument();
  });

  it("says so when nothing matches, and searches the edited words on Enter", async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${API}/catalogue-search/`, ({ request }) => {
        const q = new URL(request.url).searchParams.get("q") ?? "";
        asked.push(q);
        return HttpResponse.json({ source: "pricecharting", query: q, results: [] });
      }),
    );
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Find it" }));

    await user.clear(queryBox());
    await user.type(queryBox(), "zelda nes{Enter}");

    expect(await screen.findByText("No matches on PriceCharting for “zelda nes”.")).toBeInTheDocument();
    expect(asked).toEqual(["zelda nes"]);
    expect(urlBox()).toHaveValue(""); // Enter searched; it did not submit the tracker form
  });

  it("explains a missing marketplace key", async () => {
    server.use(
      http.get(`${API}/catalogue-search/`, () =>
        HttpResponse.json(
          { detail: "Discogs is searched with your Discogs personal access token: add it in Settings → Marketplace keys.", code: "missing_credentials" },
          { status: 400 },
        ),
      ),
    );
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Find it" }));
    await user.selectOptions(screen.getByRole("combobox", { name: /search on/i }), "discogs");
    await user.click(screen.getByRole("button", { name: "Search" }));

    expect(await screen.findByText(/personal access token: add it in Settings → Marketplace keys/)).toBeInTheDocument();
  });

  it("shows a marketplace failure", async () => {
    server.use(
      http.get(`${API}/catalogue-search/`, () =>
        HttpResponse.json({ detail: "The page at www.pricecharting.com answered HTTP 503.", code: "http_error" }, { status: 502 }),
      ),
    );
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Find it" }));
    await user.click(screen.getByRole("button", { name: "Search" }));

    expect(await screen.findByText(/PriceCharting could not be searched: The page at www.pricecharting.com answered HTTP 503/)).toBeInTheDocument();
  });
});
