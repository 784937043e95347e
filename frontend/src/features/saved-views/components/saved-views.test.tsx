import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { Toaster } from "@/components/ui/toast";
import { makeSavedView, viewsDb } from "@/testing/handlers-views";
import { LocationDisplay, renderWithProviders } from "@/testing/render";

import { SavedViewControls } from "./saved-view-controls";
import { SavedViewsNav } from "./saved-views-nav";

describe("SavedViewsNav", () => {
  it("lists each view with its count and value, linking to the list with its query", async () => {
    viewsDb.views.push(makeSavedView({ name: "Graded Pokémon", query: { category: ["trading_card"], ordering: "-value" }, count: 12, value: "1234.50" }));
    renderWithProviders(<SavedViewsNav />);

    const link = await screen.findByRole("link", { name: /Graded Pokémon/ });
    expect(link).toHaveAttribute("href", "/collection?category=trading_card&ordering=-value");
    expect(within(link).getByTestId("saved-view-summary")).toHaveTextContent("12 items · €1,234.50");
  });

  it("says when a view no longer applies", async () => {
    viewsDb.views.push(makeSavedView({ name: "Old shop", count: null, value: null, currency: null }));
    renderWithProviders(<SavedViewsNav />);

    expect(await screen.findByText("no longer applies")).toBeInTheDocument();
  });

  it("has an empty state", async () => {
    renderWithProviders(<SavedViewsNav />);

    expect(await screen.findByText(/No saved views yet/)).toBeInTheDocument();
  });
});

describe("SavedViewControls", () => {
  it("saves the URL's filters and sort under a name, showing what it saves", async () => {
    const { user } = renderWithProviders(<SavedViewControls />, { route: "/collection?category=vinyl&priced=false&page=2" });

    await user.click(await screen.findByRole("button", { name: "Save view" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByRole("list", { name: "It saves:" })).toHaveTextContent("category: vinyl");
    expect(within(dialog).getByRole("list", { name: "It saves:" })).not.toHaveTextContent("page");
    await user.type(within(dialog).getByLabelText("Name"), "Unpriced vinyl");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(viewsDb.writes).toEqual([{ name: "Unpriced vinyl", query: { category: ["vinyl"], priced: "false" } }]));
    // The URL now shows the saved view: its name replaces the button.
    expect(await screen.findByTestId("current-view")).toHaveTextContent("Unpriced vinyl");
  });

  it("updates an existing view to these filters when its name is typed", async () => {
    viewsDb.views.push(makeSavedView({ name: "Vinyl", query: { category: ["vinyl"] } }));
    const { user } = renderWithProviders(<SavedViewControls />, { route: "/collection?category=coin" });

    await user.click(await screen.findByRole("button", { name: "Save view" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText("Name"), "Coins");
    // Typing an existing name offers to update that view instead.
    await user.clear(within(dialog).getByLabelText("Name"));
    await user.type(within(dialog).getByLabelText("Name"), "vinyl");
    await user.click(within(dialog).getByRole("button", { name: "Update “Vinyl”" }));

    await waitFor(() => expect(viewsDb.writes).toEqual([{ query: { category: ["coin"] } }]));
  });

  it("moves the view the URL shows up and down the navigation's order", async () => {
    viewsDb.views.push(makeSavedView({ name: "Vinyl", query: { category: ["vinyl"] } }), makeSavedView({ name: "Coins", query: { category: ["coin"] } }));
    const { user } = renderWithProviders(<SavedViewControls />, { route: "/collection?category=coin" });

    expect(await screen.findByTestId("current-view")).toHaveTextContent("Coins");
    expect(screen.getByRole("button", { name: "Move the view down" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Move the view up" }));
    await waitFor(() => expect(viewsDb.views.map((v) => v.name)).toEqual(["Coins", "Vinyl"]));
    await waitFor(() => expect(screen.getByRole("button", { name: "Move the view up" })).toBeDisabled());
    expect(screen.getByRole("button", { name: "Move the view down" })).toBeEnabled();
  });

  it("renames and deletes the view the URL shows", async () => {
    viewsDb.views.push(makeSavedView({ name: "Vinyl", query: { category: ["vinyl"] } }), makeSavedView({ name: "Coins", query: { category: ["coin"] } }));
    const { user } = renderWithProviders(
      <>
        <SavedViewControls />
        <LocationDisplay />
        <Toaster />
      </>,
      { route: "/collection?category=vinyl" },
    );

    expect(await screen.findByTestId("current-view")).toHaveTextContent("Vinyl");
    await user.click(screen.getByRole("button", { name: "Rename view" }));
    const dialog = await screen.findByRole("dialog");
    await user.clear(within(dialog).getByLabelText("Name"));
    await user.type(within(dialog).getByLabelText("Name"), "coins");
    await user.click(within(dialog).getByRole("button", { name: "Rename" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("You already have a view with this name.");
    expect(screen.queryByText(/View renamed/)).not.toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText("Name"));
    await user.type(within(dialog).getByLabelText("Name"), "Records");
    await user.click(within(dialog).getByRole("button", { name: "Rename" }));
    expect(await screen.findByTestId("current-view")).toHaveTextContent("Records");
    expect(screen.getByText("View renamed to “Records”")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Delete view" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete" }));
    expect(await screen.findByRole("button", { name: "Save view" })).toBeInTheDocument();
    // Sent once the undo window has passed, or at once when the tab closes.
    expect(viewsDb.views.map((v) => v.name)).toHaveLength(2);
    // Sending takes the toast down: a render of the Toaster.
    act(() => {
      window.dispatchEvent(new Event("beforeunload", { cancelable: true }));
    });
    await vi.waitFor(() => { expect(viewsDb.views.map((v) => v.name)).toEqual(["Coins"]); });
  });

  it("asks before deleting the view: Cancel first in focus, and back on its button when cancelled", async () => {
    viewsDb.views.push(makeSavedView({ name: "Vinyl", query: { category: ["vinyl"] } }));
    const { user } = renderWithProviders(<SavedViewControls />, { route: "/collection?category=vinyl" });

    const deleteButton = await screen.findByRole("button", { name: "Delete view" });
    await user.click(deleteButton);
    const dialog = await screen.findByRole("alertdialog", { name: "Delete the view “Vinyl”?" });
    expect(dialog).toHaveAccessibleDescription("Only the shortcut goes: your items stay as they are.");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(deleteButton).toHaveFocus();
    expect(screen.getByTestId("current-view")).toHaveTextContent("Vinyl");
    expect(viewsDb.views).toHaveLength(1);
  });
});
