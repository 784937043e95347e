import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { UNDO_WINDOW_MS } from "@/components/delete-with-undo";
import { Toaster } from "@/components/ui/toast";
import { API, db, makePhoto } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { PhotosSection } from "./photos-section";

function renderEditable() {
  return renderWithProviders(
    <>
      <PhotosSection collectibleId={101} canEdit />
      <Toaster />
    </>,
  );
}

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
    const { user } = renderEditable();
    const list = await screen.findByRole("list", { name: "Photos" });
    expect(within(list).getByRole("img", { name: "Photo 1 (cover)" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Move Photo 2 earlier" }));
    expect(await screen.findByText("Photo order saved.")).toBeInTheDocument();
    expect(db.photos.find((p) => p.id === 2)?.position).toBe(0);

    // Now first, the moved photo is "Photo 1".
    await user.click(await screen.findByRole("button", { name: "Make Photo 1 the cover" }));
    expect(await screen.findByText("Photo 1 is now the cover.")).toBeInTheDocument();
    expect(db.photos.find((p) => p.id === 2)?.is_cover).toBe(true);
    expect(db.photos.find((p) => p.id === 1)?.is_cover).toBe(false);
  });

  it("says why a new order was not saved, and shows the saved one again", async () => {
    signIn();
    db.photos = [makePhoto({ id: 1, position: 0, is_cover: true }), makePhoto({ id: 2, position: 1 })];
    server.use(http.post(`${API}/collectibles/:id/photos/order/`, () => HttpResponse.json({ detail: "The order is stale.", code: "invalid" }, { status: 400 })));
    const { user } = renderEditable();
    await screen.findByRole("list", { name: "Photos" });

    await user.click(screen.getByRole("button", { name: "Move Photo 2 earlier" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The order is stale.");
    expect(screen.queryByText("Photo order saved.")).not.toBeInTheDocument();
    expect(await screen.findByRole("img", { name: "Photo 1 (cover)" })).toBeInTheDocument();
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

describe("deleting a photo", () => {
  // Real time runs on (the requests and clicks), and the undo window can be skipped.
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const passWindow = () => act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));

  /** Two photos; DELETEs are recorded, and answered with `status`. */
  async function deleteSecondPhoto(status = 204) {
    signIn();
    db.photos = [makePhoto({ id: 1, position: 0, is_cover: true }), makePhoto({ id: 2, position: 1 })];
    const deletes: string[] = [];
    server.use(
      http.delete(`${API}/collectibles/:id/photos/:photoId/`, ({ params }) => {
        deletes.push(String(params.photoId));
        if (status !== 204) return HttpResponse.json({ detail: "The photo is locked.", code: "locked" }, { status });
        db.photos = db.photos.filter((p) => String(p.id) !== params.photoId);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const rendered = renderEditable();
    const list = await screen.findByRole("list", { name: "Photos" });
    await rendered.user.click(within(list).getByRole("button", { name: "Delete Photo 2" }));
    return { ...rendered, list, deletes };
  }

  it("takes it out at once with an Undo that puts it back, and sends nothing", async () => {
    const { user, list, deletes } = await deleteSecondPhoto();
    expect(screen.getByText("Photo 2 deleted.")).toBeInTheDocument();
    expect(within(list).queryByRole("img", { name: "Photo 2" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByText("Restored.")).toBeInTheDocument();
    expect(await within(list).findByRole("img", { name: "Photo 2" })).toBeInTheDocument();
    await passWindow();
    expect(deletes).toEqual([]);
    expect(db.photos).toHaveLength(2);
  });

  it("sends the delete once the undo window has passed", async () => {
    const { list, deletes } = await deleteSecondPhoto();
    expect(deletes).toEqual([]);
    await passWindow();
    await waitFor(() => expect(deletes).toEqual(["2"]));
    expect(within(list).getAllByRole("img")).toHaveLength(1);
  });

  it("brings the photo back and says why when the server refuses", async () => {
    const { list, deletes } = await deleteSecondPhoto(409);
    await passWindow();
    expect(await screen.findByText("Could not delete: The photo is locked.")).toBeInTheDocument();
    expect(deletes).toEqual(["2"]);
    expect(await within(list).findByRole("img", { name: "Photo 2" })).toBeInTheDocument();
  });
});
