import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";

import type { CollectibleRequest } from "@/lib/api/types";
import { API, makeVendor } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { createCollectible } from "../api/create-collectible";
import { emptyFormValues } from "../lib/form-schema";
import { CollectibleForm } from "./collectible-form";

function setup(onSubmit: (body: CollectibleRequest) => Promise<unknown> = vi.fn(() => Promise.resolve())) {
  const user = userEvent.setup();
  renderWithProviders(<CollectibleForm mode="create" vendors={[makeVendor()]} defaultValues={emptyFormValues(1)} onSubmit={onSubmit} />);
  return { user, onSubmit };
}

const marketplaceRows = () => within(screen.getByRole("group", { name: "Marketplace ids" })).queryAllByRole("listitem");

describe("external ids editor", () => {
  it("rejects an empty marketplace name before submitting", async () => {
    const { user, onSubmit } = setup();
    await user.type(screen.getByRole("textbox", { name: /^name/i }), "Charizard");
    await user.click(screen.getByRole("button", { name: "Add marketplace id" }));
    await user.type(screen.getByRole("textbox", { name: "Id on marketplace 1" }), "6910");

    await user.click(screen.getByRole("button", { name: "Add item" }));

    const key = screen.getByRole("textbox", { name: "Marketplace 1" });
    expect(key).toHaveAttribute("aria-invalid", "true");
    expect(key).toHaveAccessibleDescription("Enter the marketplace name.");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("rejects a duplicate marketplace name on the second row, then submits once fixed", async () => {
    const { user, onSubmit } = setup();
    await user.type(screen.getByRole("textbox", { name: /^name/i }), "Charizard");
    await user.click(screen.getByRole("button", { name: "Add marketplace id" }));
    await user.type(screen.getByRole("textbox", { name: "Marketplace 1" }), "pricecharting");
    await user.type(screen.getByRole("textbox", { name: "Id on marketplace 1" }), "6910");
    await user.click(screen.getByRole("button", { name: "Add marketplace id" }));
    await user.type(screen.getByRole("textbox", { name: "Marketplace 2" }), "PriceCharting ");
    await user.type(screen.getByRole("textbox", { name: "Id on marketplace 2" }), "42");

    await user.click(screen.getByRole("button", { name: "Add item" }));

    expect(screen.getByRole("textbox", { name: "Marketplace 1" })).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("textbox", { name: "Marketplace 2" })).toHaveAccessibleDescription(
      '"PriceCharting" is already listed above.',
    );
    expect(onSubmit).not.toHaveBeenCalled();

    const second = screen.getByRole("textbox", { name: "Marketplace 2" });
    await user.clear(second);
    await user.type(second, "tcgplayer");
    await user.click(screen.getByRole("button", { name: "Add item" }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ name: "Charizard", external_ids: { pricecharting: "6910", tcgplayer: "42" } }),
      { alertAtMaxPrice: false },
    );
  });

  it("adds and removes rows", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Add marketplace id" }));
    await user.click(screen.getByRole("button", { name: "Add marketplace id" }));
    expect(marketplaceRows()).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Remove marketplace id 1" }));
    expect(marketplaceRows()).toHaveLength(1);
  });
});

describe("tags input", () => {
  it("adds on Enter and comma, removes on Backspace and ×, normalises and dedupes", async () => {
    const { user, onSubmit } = setup();
    await user.type(screen.getByRole("textbox", { name: /^name/i }), "Charizard");
    const input = screen.getByRole("textbox", { name: "Tags" });
    await user.type(input, "Holo{Enter}first   edition,holo,psa{Enter}");
    const tags = () =>
      within(screen.getByRole("list", { name: "Tags" }))
        .queryAllByRole("button", { name: /^Remove tag / })
        .map((button) => button.textContent.replace("Remove tag ", ""));
    expect(tags()).toEqual(["holo", "first edition", "psa"]);

    await user.type(input, "{Backspace}");
    expect(tags()).toEqual(["holo", "first edition"]);
    await user.click(screen.getByRole("button", { name: "Remove tag holo" }));
    expect(tags()).toEqual(["first edition"]);

    await user.click(screen.getByRole("button", { name: "Add item" }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ tags: ["first edition"] }), { alertAtMaxPrice: false });
  });

  it("stops at 20 tags", async () => {
    const { user } = setup();
    const input = screen.getByRole("textbox", { name: "Tags" });
    await user.type(input, Array.from({ length: 21 }, (_, i) => `t${String(i)}`).join(",") + ",");
    expect(within(screen.getByRole("list", { name: "Tags" })).getAllByRole("listitem")).toHaveLength(20);
    expect(input).toBeDisabled();
  });
});

describe("card details", () => {
  it("are shown for trading cards only, and sent as null otherwise", async () => {
    const { user, onSubmit } = setup();
    await user.type(screen.getByRole("textbox", { name: /^name/i }), "Chrono Trigger");
    expect(screen.getByRole("textbox", { name: /game/i })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: /category/i }), "video_game");
    expect(screen.queryByRole("textbox", { name: /game/i })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Add item" }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ category: "video_game", card_details: null }), { alertAtMaxPrice: false });
  });
});

describe("server validation errors", () => {
  it("land on the matching fields, including nested card_details ones", async () => {
    signIn();
    server.use(
      http.post(`${API}/collectibles/`, () =>
        HttpResponse.json(
          {
            detail: "Some fields are not valid.",
            code: "invalid",
            fields: {
              name: ["An item with this name already exists."],
              "card_details.release_date": ["Date has wrong format. Use YYYY-MM-DD."],
              "tags.1": ["Tag is too long."],
              purchase_currency: ["Unknown currency code."],
            },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = setup((body) => createCollectible(body));
    await user.type(screen.getByRole("textbox", { name: /^name/i }), "Charizard");
    await user.type(screen.getByRole("textbox", { name: /currency/i }), "XYZ");

    await user.click(screen.getByRole("button", { name: "Add item" }));

    const name = await screen.findByRole("textbox", { name: /^name/i });
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("An item with this name already exists.");
    const release = screen.getByLabelText("Release date");
    expect(release).toHaveAttribute("aria-invalid", "true");
    expect(release).toHaveAccessibleDescription("Date has wrong format. Use YYYY-MM-DD.");
    expect(screen.getByRole("textbox", { name: /currency/i })).toHaveAccessibleDescription(
      expect.stringContaining("Unknown currency code."),
    );
    expect(screen.getByText("Tag is too long.")).toBeInTheDocument();
    // Everything had a field: no generic banner.
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows errors without a matching field in a form-level alert", async () => {
    signIn();
    server.use(
      http.post(`${API}/collectibles/`, () =>
        HttpResponse.json({ detail: "You have view-only access: you cannot add items to this vendor.", code: "permission_denied" }, { status: 403 }),
      ),
    );
    const { user } = setup((body) => createCollectible(body));
    await user.type(screen.getByRole("textbox", { name: /^name/i }), "Charizard");
    await user.click(screen.getByRole("button", { name: "Add item" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You have view-only access");
  });
});
