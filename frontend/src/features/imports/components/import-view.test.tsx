import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { db } from "@/testing/handlers";
import { currentUrl, renderWithProviders, signIn } from "@/testing/render";

import { ImportView } from "./import-view";

describe("import page", () => {
  it("uploads a file, fixes a mapping, commits, follows the progress and offers the items and undo", async () => {
    signIn();
    const { user } = renderWithProviders(<ImportView vendors={db.vendors} defaultVendor={null} />, { route: "/import" });

    const file = new File(["Title,Condition,Paid\nPikachu,NM,12.50\n"], "cards.csv", { type: "text/csv" });
    await user.upload(screen.getByLabelText("File to import"), file);

    // The draft: detected columns with their suggested fields, and per-row errors.
    await screen.findByText("Columns of cards.csv");
    expect(currentUrl().searchParams.get("job")).toBe("300");
    expect(screen.getByRole("combobox", { name: "Condition" })).toHaveValue("condition");
    // The fields offered are the job's own (the server's targets), in its groups.
    const title = screen.getByRole("combobox", { name: "Title" });
    const wantList = within(title).getByRole("group", { name: "Want list" });
    expect(within(wantList).getByRole("option", { name: "Maximum price" })).toHaveValue("max_price");
    expect(within(title).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Don't import",
      "Name",
      "Category",
      "Condition",
      "Purchase price",
      "Maximum price",
      "Discogs id",
    ]);
    const errors = screen.getByRole("region", { name: "Rows with errors" });
    expect(within(errors).getByText(/An item needs a name/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Import 0 rows" })).toBeDisabled();

    await user.selectOptions(screen.getByRole("combobox", { name: "Title" }), "name");
    expect(db.importChanges).toEqual([{ mapping: { Title: "name" } }]);
    expect(within(await screen.findByRole("table", { name: "Preview" })).getByText("Pikachu")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Import 2 rows" }));
    // The job is polled until done.
    expect(await screen.findByText("Import complete", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(screen.getByTestId("import-created")).getByText("2")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "See the items" })).toHaveAttribute("href", "/collection?vendor=1");

    await user.click(screen.getByRole("button", { name: "Undo this import" }));
    expect(await screen.findByText("Import undone")).toBeInTheDocument();
  });

  it("says why a file was refused", async () => {
    signIn();
    const { server } = await import("@/testing/server");
    const { http, HttpResponse } = await import("msw");
    server.use(http.post("/api/v1/imports/", () => HttpResponse.json({ detail: "The file is empty.", code: "invalid" }, { status: 400 })));
    const { user } = renderWithProviders(<ImportView vendors={db.vendors} defaultVendor={null} />, { route: "/import" });
    await user.upload(screen.getByLabelText("File to import"), new File([""], "empty.csv", { type: "text/csv" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The file is empty.");
  });
});
