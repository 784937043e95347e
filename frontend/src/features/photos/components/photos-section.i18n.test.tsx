import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { changeLanguage } from "@/i18n";
import { db, makePhoto } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";

import { PhotosSection } from "./photos-section";

describe("item photos in German", () => {
  afterEach(async () => {
    cleanup();
    await changeLanguage("en", false);
  });

  it("numbers the photos in the German labels", async () => {
    signIn();
    await changeLanguage("de");
    db.photos = [makePhoto({ id: 1, position: 0, is_cover: true }), makePhoto({ id: 2, position: 1 })];
    renderWithProviders(<PhotosSection collectibleId={101} canEdit pageImageSources={[{ id: 8, url: "https://a.example" }, { id: 9, url: "https://b.example" }]} />);
    const list = await screen.findByRole("list", { name: "Fotos" });
    expect(within(list).getByRole("img", { name: "Foto 1 (Titelbild)" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Foto 2 als Titelbild festlegen" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Foto 2 nach vorne verschieben" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Bild der verfolgten Seite 2 verwenden/ })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Fotos hinzufügen" })).toBeInTheDocument();
  });
});
