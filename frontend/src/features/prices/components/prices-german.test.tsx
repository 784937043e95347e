import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { changeLanguage } from "@/i18n";
import { db, makeTracker } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";

import { TrackerForm } from "./tracker-dialog";
import { TrackersPanel } from "./trackers-panel";

function failingCssTracker() {
  db.trackers.push(
    makeTracker({
      source: "css",
      selector: ".price",
      attribute: "content",
      interval_minutes: 3 * 24 * 60,
      condition: "near_mint",
      status: "failing",
      consecutive_failures: 3,
      last_error_kind: "selector_not_found",
    }),
  );
}

describe("the trackers in English", () => {
  it("names the selector and attribute, the interval and the failure streak", async () => {
    signIn();
    failingCssTracker();
    renderWithProviders(<TrackersPanel collectibleId={101} itemCondition="near_mint" canEdit />);

    const list = await screen.findByRole("list", { name: "Trackers" });
    expect(within(list).getByText("Near mint · every 3 days")).toBeInTheDocument();
    expect(within(list).getByText(/^Selector/)).toHaveTextContent("Selector .price · attribute content");
    expect(within(list).getByText(".price").tagName).toBe("CODE");
    expect(within(list).getByText("The CSS selector matched nothing on the page. (3 checks in a row)")).toBeInTheDocument();
  });
});

describe("the prices screens in German", () => {
  afterEach(async () => {
    cleanup(); // before the switch back, so nothing mounted re-renders outside act()
    await changeLanguage("en", false);
  });

  it("shows a tracker in German: status, source, interval and a plural streak", async () => {
    await changeLanguage("de");
    signIn();
    failingCssTracker();
    renderWithProviders(<TrackersPanel collectibleId={101} itemCondition="near_mint" canEdit />);

    const list = await screen.findByRole("list", { name: "Tracker" });
    expect(within(list).getByText("Fehlerhaft")).toBeInTheDocument();
    expect(within(list).getByText("CSS-Selektor")).toBeInTheDocument();
    expect(within(list).getByText("Fast neuwertig (Near Mint) · alle 3 Tage")).toBeInTheDocument();
    expect(within(list).getByText(/^Selektor/)).toHaveTextContent("Selektor .price · Attribut content");
    expect(within(list).getByText("Der CSS-Selektor hat auf der Seite nichts gefunden. (3 Prüfungen in Folge)")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Tracker hinzufügen" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Preise jetzt aktualisieren" })).toBeInTheDocument();
  });

  it("sets up a tracker in German, with human labels and German validation messages", async () => {
    await changeLanguage("de");
    signIn();
    const { user } = renderWithProviders(
      <TrackerForm collectibleId={101} itemCondition="near_mint" onDone={vi.fn()} onCancel={vi.fn()} />,
    );

    const source = screen.getByRole("combobox", { name: /^Quelle/ });
    expect(source).toHaveDisplayValue("Automatisch (aus der Adresse)");
    expect(within(source).getByRole("option", { name: "Shopseite (strukturiert)" })).toBeInTheDocument();
    const condition = screen.getByRole("combobox", { name: /^Zustand/ });
    expect(condition).toHaveDisplayValue("Fast neuwertig (Near Mint)");
    expect(within(condition).getByRole("option", { name: "Komplett mit Verpackung" })).toBeInTheDocument();

    await user.type(screen.getByRole("textbox", { name: /Adresse der Seite/ }), "shop.example/item");
    const hours = screen.getByRole("textbox", { name: /Prüfen alle/ });
    await user.clear(hours);
    await user.type(hours, "0.5");
    await user.click(screen.getByRole("button", { name: "Speichern" }));

    expect(await screen.findByText("Eine http- oder https-Adresse, z. B. https://shop.example/item/42.")).toBeInTheDocument();
    expect(screen.getByText("Mindestens 1 Stunde: Seiten werden höchstens stündlich geprüft.")).toBeInTheDocument();
    expect(db.trackers).toHaveLength(0);
  });
});
