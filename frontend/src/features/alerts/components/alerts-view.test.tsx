import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, onTestFinished, vi } from "vitest";

import { Toaster } from "@/components/ui/toast";
import { alertsDb, makeAlertEvent, makeAlertRule } from "@/testing/handlers-alerts";
import { db, makeCollectible, makeVendor } from "@/testing/handlers";
import { nth, renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { AlertsView } from "./alerts-view";

const vendor = makeVendor({ id: 1, default_currency: "EUR" });

describe("AlertsView", () => {
  it("creates a price rule on one item, asking only for what that kind needs", async () => {
    signIn();
    db.collectibles = [makeCollectible({ id: 7, name: "Charizard", vendor: 1 })];
    const { user } = renderWithProviders(<AlertsView vendors={[vendor]} defaultVendor={1} />);
    expect(await screen.findByText("No alert rules yet")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "New rule" }));
    const form = screen.getByRole("form", { name: "New alert rule" });
    await user.click(within(form).getByRole("button", { name: "Save rule" }));
    expect(await within(form).findByText(/Enter the target price/)).toBeInTheDocument();
    expect(within(form).queryByLabelText(/Within \(days\)/)).not.toBeInTheDocument();

    await within(form).findByRole("option", { name: "Charizard" });
    await user.selectOptions(within(form).getByLabelText("Item"), "7");
    await user.type(within(form).getByLabelText(/Target price/), "39.99");
    await user.click(within(form).getByRole("button", { name: "Save rule" }));

    const table = await screen.findByRole("table", { name: "Alert rules" });
    expect(within(table).getByText("Price at or below 39.99 EUR")).toBeInTheDocument();
    expect(within(table).getByRole("link", { name: "Charizard" })).toHaveAttribute("href", "/collection/7");
    expect(alertsDb.ruleWrites.at(-1)).toEqual({
      kind: "price_at_or_below",
      vendor: 1,
      collectible: 7,
      target_amount: "39.99",
      target_currency: "EUR",
      percent: null,
      window_days: null,
      enabled: true,
    });
  });

  it("a drop rule asks for percent and days; collection value is vendor-wide (no item picker)", async () => {
    signIn();
    const { user } = renderWithProviders(<AlertsView vendors={[vendor]} defaultVendor={1} />);
    await user.click(await screen.findByRole("button", { name: "New rule" }));
    const form = screen.getByRole("form", { name: "New alert rule" });
    await user.selectOptions(within(form).getByLabelText("Alert when"), "drop_percent");
    expect(within(form).queryByLabelText(/Target price/)).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText(/By at least/), "15");
    await user.selectOptions(within(form).getByLabelText("Alert when"), "collection_value_change");
    expect(within(form).queryByLabelText("Item")).not.toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Save rule" }));
    await screen.findByText("Collection value moves 15 %");
    expect(alertsDb.ruleWrites.at(-1)).toMatchObject({ kind: "collection_value_change", collectible: null, percent: "15" });
  });

  it("names each watched item from the rule itself, without fetching the items", async () => {
    signIn();
    const fetched: string[] = [];
    const listen = ({ request }: { request: Request }) => {
      fetched.push(new URL(request.url).pathname);
    };
    server.events.on("request:start", listen);
    onTestFinished(() => {
      server.events.removeListener("request:start", listen);
    });
    alertsDb.rules = [
      makeAlertRule({ id: 1, kind: "all_time_low", collectible: 7, collectible_name: "Charizard" }),
      makeAlertRule({ id: 2, kind: "back_in_stock", collectible: 8, collectible_name: "Blastoise" }),
    ];
    renderWithProviders(<AlertsView vendors={[vendor]} defaultVendor={1} />);

    const table = await screen.findByRole("table", { name: "Alert rules" });
    expect(within(table).getByRole("link", { name: "Charizard" })).toHaveAttribute("href", "/collection/7");
    expect(within(table).getByRole("link", { name: "Blastoise" })).toHaveAttribute("href", "/collection/8");
    expect(fetched.filter((path) => /\/collectibles\/\d+\//.test(path))).toEqual([]);
  });

  it("turns a rule off, deletes another, and lists fired events with delivery state", async () => {
    signIn();
    alertsDb.rules = [makeAlertRule({ id: 1, kind: "all_time_low" }), makeAlertRule({ id: 2, kind: "tracker_paused" })];
    alertsDb.events = [
      makeAlertEvent({ message: "Charizard hit a new low", price: "31.00", collectible: 7, notification_id: 3 }),
      makeAlertEvent({ message: "Tracker paused", price: null, notification_id: null, delivered: false }),
    ];
    const { user } = renderWithProviders(<AlertsView vendors={[vendor]} defaultVendor={1} />);

    await user.click(await screen.findByRole("checkbox", { name: "New all-time low: enabled" }));
    expect(alertsDb.ruleWrites.at(-1)).toEqual({ enabled: false });
    await user.click(screen.getByRole("button", { name: "Delete Tracker paused" }));
    expect(screen.queryByRole("button", { name: "Delete Tracker paused" })).not.toBeInTheDocument();
    expect(alertsDb.rules).toHaveLength(2); // sent when the undo window has passed, or the tab closes
    window.dispatchEvent(new Event("beforeunload", { cancelable: true }));
    await vi.waitFor(() => { expect(alertsDb.rules.map((r) => r.id)).toEqual([1]); });

    const events = screen.getByRole("table", { name: "Fired alerts" });
    expect(within(events).getByRole("link", { name: "Charizard hit a new low" })).toHaveAttribute("href", "/collection/7");
    const rows = within(events).getAllByRole("row");
    expect(within(nth(rows, 1)).getByText("Delivered")).toBeInTheDocument();
    expect(within(nth(rows, 2)).getByText("Not delivered")).toBeInTheDocument();
  });

  it("says a rule was paused or turned on, and why when that failed", async () => {
    signIn();
    alertsDb.rules = [makeAlertRule({ id: 1, kind: "all_time_low", enabled: true })];
    const { user } = renderWithProviders(
      <>
        <AlertsView vendors={[vendor]} defaultVendor={1} />
        <Toaster />
      </>,
    );
    const toggle = await screen.findByRole("checkbox", { name: "New all-time low: enabled" });

    await user.click(toggle);
    expect(await screen.findByText("Alert paused: New all-time low.")).toBeInTheDocument();
    expect(await screen.findByRole("checkbox", { name: "New all-time low: enabled" })).not.toBeChecked();
    await user.click(screen.getByRole("checkbox", { name: "New all-time low: enabled" }));
    expect(await screen.findByText("Alert on: New all-time low.")).toBeInTheDocument();

    server.use(http.patch("/api/v1/alert-rules/:id/", () => HttpResponse.json({ detail: "Rule limit reached.", code: "invalid" }, { status: 400 })));
    await user.click(await screen.findByRole("checkbox", { name: "New all-time low: enabled", checked: true }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not pause the alert: Rule limit reached.");
    expect(screen.getByRole("checkbox", { name: "New all-time low: enabled" })).toBeChecked();
  });
});
