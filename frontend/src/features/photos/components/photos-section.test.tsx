import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { db, makePhoto } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";

import { PhotosSection } from "./photos-section";

describe("item photos", () => {
  it("invites editors to add photos when there are none", async () => {
    signIn();
    renderWithProviders(<PhotosSection collectibleId={101} canEdit />);
    expect(await screen.findByText("No photos yet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add photos" })).toBeInTheDocument();
    expect(screen.getByLabelText("Choose photos to upload")).toHaveAttribute("type", "file");
  });

  it("shows the cover, moves a photo and makes another the cover", async () => {
    signIn();
    db.photos = [makePhoto({ id: 1, position: 0, is_cover: true }), makePhoto({ id: 2, position: 1 })];
    const { user } = renderWithProviders(<PhotosSection collectibleId={101} canEdit />);
    const list = await screen.findByRole("list", { name: "Photos" });
    expect(within(list).getByRole("img", { name: "Photo 1 (cover)" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Move Photo 2 earlier" }));
    await waitFor(() => expect(db.photos.find((p) => p.id === 2)?.position).toBe(0));

    // Now first, the moved photo is "Photo 1".
    await user.click(await screen.findByRole("button", { name: "Make Photo 1 the cover" }));
    await waitFor(() => expect(db.photos.find((p) => p.id === 2)?.is_cover).toBe(true));
    expect(db.photos.find((p) => p.id === 1)?.is_cover).toBe(false);
  });

  it("offers the tracked page's image and hides editing from viewers", async () => {
    signIn();
    db.photos = [makePhoto({ id: 3, is_cover: true })];
    const { unmount } = renderWithProviders(<PhotosSection collectibleId={101} canEdit pageImageSources={[{ id: 9, url: "https://shop.example/x" }]} />);
    expect(await screen.findByRole("button", { name: "Use the tracked page's image" })).toBeInTheDocument();
    unmount();
    renderWithProviders(<PhotosSection collectibleId={101} canEdit={false} />);
    await screen.findByRole("list", { name: "Photos" });
    expect(screen.queryByRole("button", { name: /Delete Photo/ })).not.toBeInTheDocument();
  });
});
