import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";

import { API, db, makeTracker } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { TrackerForm } from "./tracker-dialog";

function setup(props: Partial<Parameters<typeof TrackerForm>[0]> = {}) {
  signIn();
  const onDone = vi.fn();
  const result = renderWithProviders(
    <TrackerForm collectibleId={101} itemCondition="near_mint" onDone={onDone} onCancel={vi.fn()} {...props} />,
  );
  // The fake backend keeps what was created: db.trackers holds the POSTed fields.
  return { ...result, onDone, posted: db.trackers };
}

const urlBox = () => screen.getByRole("textbox", { name: /page address/i });
const intervalBox = () => screen.getByRole("textbox", { name: /check every/i });

describe("tracker form validation", () => {
  it("requires a selector for the CSS selector source, and only shows it for that source", async () => {
    const { user, onDone, posted } = setup();
    expect(screen.queryByRole("textbox", { name: /css selector/i })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole("combobox", { name: /source/i }), "css");
    await user.type(urlBox(), "https://shop.example/item/1");
    await user.click(screen.getByRole("button", { name: "Save" }));

    const selector = screen.getByRole("textbox", { name: /css selector/i });
    expect(selector).toHaveAttribute("aria-invalid", "true");
    expect(selector).toHaveAccessibleDescription(expect.stringContaining("needs the selector of the price"));
    expect(posted).toHaveLength(0);
    expect(onDone).not.toHaveBeenCalled();

    await user.type(selector, ".price");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(posted[0]).toMatchObject({ source: "css", selector: ".price", url: "https://shop.example/item/1", interval_minutes: 1440, condition: "near_mint" });
  });

  it("leaves a new tracker's source to the address unless one is chosen", async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${API}/collectibles/:id/trackers/`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(makeTracker({ collectible: 101, source: "ebay" }), { status: 201 });
      }),
    );
    const { user, onDone } = setup();
    expect(screen.getByRole("combobox", { name: /source/i })).toHaveDisplayValue("Automatic (from the address)");

    await user.type(urlBox(), "https://www.ebay.com/itm/395012345678");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(bodies[0]).toMatchObject({ url: "https://www.ebay.com/itm/395012345678" });
    expect(bodies[0]).not.toHaveProperty("source"); // the API picks eBay from the address
  });

  it("refuses checks more often than hourly and sends hours as minutes", async () => {
    const { user, onDone, posted } = setup();
    await user.type(urlBox(), "https://shop.example/item/2");
    await user.clear(intervalBox());
    await user.type(intervalBox(), "0.5");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(intervalBox()).toHaveAttribute("aria-invalid", "true");
    expect(intervalBox()).toHaveAccessibleDescription(expect.stringContaining("At least 1 hour"));
    expect(posted).toHaveLength(0);

    await user.clear(intervalBox());
    await user.type(intervalBox(), "6");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(posted[0]).toMatchObject({ interval_minutes: 360, selector: "", attribute: "" });
  });

  it("rejects an address that is not http(s)", async () => {
    const { user, posted } = setup();
    await user.type(urlBox(), "ftp://shop.example/x");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(urlBox()).toHaveAccessibleDescription(expect.stringContaining("An http or https address"));
    expect(posted).toHaveLength(0);
  });
});

describe("tracker form server errors", () => {
  it("puts the server's messages on the fields, interval_minutes on the hours field", async () => {
    server.use(
      http.post(`${API}/collectibles/:id/trackers/`, () =>
        HttpResponse.json(
          {
            detail: "Some fields are not valid.",
            code: "invalid",
            fields: {
              url: ["This address is on a private network."],
              interval_minutes: ["Checks run at most every 120 minutes: use 120 or more."],
            },
          },
          { status: 400 },
        ),
      ),
    );
    const { user, onDone } = setup();
    await user.type(urlBox(), "https://10.0.0.1/price");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await vi.waitFor(() => expect(urlBox()).toHaveAccessibleDescription("This address is on a private network."));
    expect(intervalBox()).toHaveAccessibleDescription("Checks run at most every 120 minutes: use 120 or more.");
    expect(onDone).not.toHaveBeenCalled();
  });

  it("shows errors without a field above the form", async () => {
    server.use(
      http.post(`${API}/collectibles/:id/trackers/`, () =>
        HttpResponse.json({ detail: "You have view-only access: you cannot add trackers to this item.", code: "permission_denied" }, { status: 403 }),
      ),
    );
    const { user } = setup();
    await user.type(urlBox(), "https://shop.example/item/3");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("view-only access");
  });
});

describe("test before saving", () => {
  it("tests the form's current values with the unsaved endpoint and shows what would be recorded, saving nothing", async () => {
    // Counts POSTs to the create endpoint, then lets the fake backend answer them.
    const created: unknown[] = [];
    server.use(
      http.post(`${API}/collectibles/:id/trackers/`, ({ request }) => {
        created.push(request.url);
      }),
    );
    const { user, onDone } = setup();
    await user.selectOptions(screen.getByRole("combobox", { name: /source/i }), "css");
    await user.type(urlBox(), "https://shop.example/item/4");
    await user.type(screen.getByRole("textbox", { name: /css selector/i }), ".price");
    await user.type(screen.getByRole("textbox", { name: /currency/i }), "usd");
    await user.click(screen.getByRole("button", { name: "Test" }));

    expect(await screen.findByText("Check passed: a check now would record 1 price.")).toBeInTheDocument();
    expect(screen.getByText("$42.00")).toBeInTheDocument();
    expect(screen.getByText(/Near mint · Chrono Trigger/)).toBeInTheDocument();
    expect(db.trackerTests).toEqual([
      { source: "css", url: "https://shop.example/item/4", selector: ".price", attribute: "", condition: "near_mint", currency: "USD", interval_minutes: 1440 },
    ]);
    // Nothing was created, and the dialog stays open.
    expect(db.trackers).toHaveLength(0);
    expect(created).toHaveLength(0);
    expect(onDone).not.toHaveBeenCalled();

    // Changing a tested field marks the result as out of date.
    await user.type(screen.getByRole("textbox", { name: /css selector/i }), " .amount");
    expect(screen.getByText(/This result is for the values before your last change/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(created).toHaveLength(1);
    expect(db.trackers).toHaveLength(1);
    expect(db.trackers[0]).toMatchObject({ selector: ".price .amount", currency: "USD" });
  });

  it("explains a failed check in words", async () => {
    server.use(
      http.post(`${API}/collectibles/:id/trackers/test/`, () =>
        HttpResponse.json({ ok: false, observations: [], failure: { kind: "robots_disallowed", message: "robots.txt of shop.example disallows /item/" } }),
      ),
    );
    const { user, onDone } = setup();
    await user.type(urlBox(), "https://shop.example/item/5");
    await user.click(screen.getByRole("button", { name: "Test" }));

    expect(await screen.findByText(/Check failed: The site does not allow automated checks/)).toBeInTheDocument();
    expect(screen.getByText("Details: robots.txt of shop.example disallows /item/")).toBeInTheDocument();
    expect(db.trackers).toHaveLength(0);
    expect(onDone).not.toHaveBeenCalled();
  });

  it("validates with the form's schema before asking the server", async () => {
    const { user } = setup();
    await user.type(urlBox(), "ftp://shop.example/x");
    await user.click(screen.getByRole("button", { name: "Test" }));
    expect(urlBox()).toHaveAccessibleDescription(expect.stringContaining("An http or https address"));
    expect(db.trackerTests).toHaveLength(0);
  });

  it("puts the server's 400 fields on the form", async () => {
    server.use(
      http.post(`${API}/collectibles/:id/trackers/test/`, () =>
        HttpResponse.json(
          { detail: "Some fields are not valid.", code: "invalid", fields: { url: ["This address is on a private network."], interval_minutes: ["Too often."] } },
          { status: 400 },
        ),
      ),
    );
    const { user } = setup();
    await user.type(urlBox(), "https://10.0.0.1/price");
    await user.click(screen.getByRole("button", { name: "Test" }));

    await vi.waitFor(() => expect(urlBox()).toHaveAccessibleDescription("This address is on a private network."));
    expect(intervalBox()).toHaveAccessibleDescription("Too often.");
    expect(screen.getByText(/The test did not run: fix the marked fields/)).toBeInTheDocument();
    expect(screen.queryByText(/Check passed/)).not.toBeInTheDocument();
  });

  it("says when the test could not run at all", async () => {
    server.use(
      http.post(`${API}/collectibles/:id/trackers/test/`, () =>
        HttpResponse.json({ detail: "You have view-only access: you cannot add trackers to this item.", code: "permission_denied" }, { status: 403 }),
      ),
    );
    const { user } = setup();
    await user.type(urlBox(), "https://shop.example/item/6");
    await user.click(screen.getByRole("button", { name: "Test" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The test could not run: You have view-only access");
  });

  it("tests an existing tracker's edited values without PATCHing it", async () => {
    const tracker = makeTracker({ collectible: 101, source: "css", selector: ".old" });
    db.trackers.push(tracker);
    let patched = false;
    server.use(
      http.patch(`${API}/collectibles/:id/trackers/:tid/`, () => {
        patched = true;
        return HttpResponse.json(tracker);
      }),
    );
    const { user } = setup({ tracker });
    const selector = screen.getByRole("textbox", { name: /css selector/i });
    await user.clear(selector);
    await user.type(selector, ".price");
    await user.click(screen.getByRole("button", { name: "Test" }));

    expect(await screen.findByText("Check passed: a check now would record 1 price.")).toBeInTheDocument();
    expect(db.trackerTests[0]).toMatchObject({ selector: ".price", source: "css", url: tracker.url });
    expect(patched).toBe(false);
    expect(db.trackers[0]?.selector).toBe(".old");
  });
});

describe("a tracker's condition fits its source", () => {
  const conditionBox = () => screen.getByRole("combobox", { name: /condition/i });

  it("starts a PriceCharting tracker of a raw card on an ungraded price, offering only PriceCharting's columns", async () => {
    const { user } = setup({ itemCondition: "near_mint" });
    expect(conditionBox()).toHaveDisplayValue("Near mint");

    await user.selectOptions(screen.getByRole("combobox", { name: /source/i }), "pricecharting");

    expect(conditionBox()).toHaveDisplayValue("Ungraded");
    const offered = Array.from(conditionBox().querySelectorAll("option"), (o) => o.textContent);
    expect(offered).toContain("Loose");
    expect(offered).not.toContain("Near mint");
  });

  it("does the same when the address is a PriceCharting page and the source is automatic", async () => {
    const { user } = setup({ itemCondition: "good" });
    await user.type(urlBox(), "https://www.pricecharting.com/game/pokemon-base-set/charizard-4");
    expect(conditionBox()).toHaveDisplayValue("Ungraded");
  });

  it("keeps a condition the source's pages have, and any condition for other sources", async () => {
    const { user } = setup({ itemCondition: "loose" });
    await user.selectOptions(screen.getByRole("combobox", { name: /source/i }), "pricecharting");
    expect(conditionBox()).toHaveDisplayValue("Loose");
    await user.selectOptions(screen.getByRole("combobox", { name: /source/i }), "ebay");
    expect(conditionBox()).toHaveDisplayValue("Loose");
    expect(Array.from(conditionBox().querySelectorAll("option"), (o) => o.textContent)).toContain("Near mint");
  });
});
