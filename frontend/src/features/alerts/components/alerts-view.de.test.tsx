import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";
import { alertsDb, makeAlertRule } from "@/testing/handlers-alerts";
import { makeVendor } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";

import { AlertsView } from "./alerts-view";

const vendor = makeVendor({ id: 1, default_currency: "EUR" });

describe("AlertsView in German", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
  });

  it("describes rules with German plurals and validates in German", async () => {
    await changeLanguage("de");
    signIn();
    alertsDb.rules = [
      makeAlertRule({ id: 1, kind: "drop_percent", percent: "15", window_days: 1, collectible: null }),
      makeAlertRule({ id: 2, kind: "drop_percent", percent: "10", window_days: 7, collectible: null }),
    ];
    const { user } = renderWithProviders(<AlertsView vendors={[vendor]} defaultVendor={1} />);

    const table = await screen.findByRole("table", { name: "Alarmregeln" });
    expect(within(table).getByText("Fällt um 15 % innerhalb von 1 Tag")).toBeInTheDocument();
    expect(within(table).getByText("Fällt um 10 % innerhalb von 7 Tagen")).toBeInTheDocument();
    expect(within(table).getByRole("checkbox", { name: "Fällt um 15 % innerhalb von 1 Tag: aktiv" })).toBeChecked();

    await user.click(screen.getByRole("button", { name: "Neue Regel" }));
    const form = screen.getByRole("form", { name: "Neue Alarmregel" });
    await user.click(within(form).getByRole("button", { name: "Regel speichern" }));
    expect(await within(form).findByText(/Geben Sie den Zielpreis ein/)).toBeInTheDocument();
    expect(within(form).getByRole("button", { name: "Abbrechen" })).toBeInTheDocument();
  });
});
