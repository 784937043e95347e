import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";
import { db } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";

import { ImportView } from "./import-view";

describe("import page in German", () => {
  beforeEach(async () => {
    await changeLanguage("de");
  });
  afterEach(async () => {
    cleanup(); // unmount first: switching back would re-render outside act()
    await changeLanguage("en", false);
  });

  it("reviews an upload in German, with the rows to import counted", async () => {
    signIn();
    const { user } = renderWithProviders(<ImportView vendors={db.vendors} defaultVendor={null} />, { route: "/import" });
    expect(screen.getByRole("heading", { name: "Import", level: 1 })).toBeInTheDocument();

    const file = new File(["Title,Condition,Paid\nPikachu,NM,12.50\n"], "cards.csv", { type: "text/csv" });
    await user.upload(screen.getByLabelText("Zu importierende Datei"), file);

    expect(await screen.findByText("Spalten von cards.csv")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Zeilen mit Fehlern" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "0 Zeilen importieren" })).toBeDisabled();

    await user.selectOptions(screen.getByRole("combobox", { name: "Title" }), "name");
    expect(within(await screen.findByRole("table", { name: "Vorschau" })).getByText("Pikachu")).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "2 Zeilen importieren" })).toBeEnabled();
  });
});
