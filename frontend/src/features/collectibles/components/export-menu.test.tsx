import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, onTestFinished, vi } from "vitest";

import { Toaster } from "@/components/ui/toast";
import { API } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { ExportMenu } from "./export-menu";

/** The download the app hands the browser, caught (jsdom has neither blob URLs nor downloads). */
function catchDownloads() {
  const saved: string[] = [];
  const url = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:export");
  vi.spyOn(URL, "revokeObjectURL").mockReturnValue(undefined);
  const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  onTestFinished(() => {
    url.mockRestore();
    click.mockRestore();
  });
  return saved;
}

function renderMenu() {
  signIn();
  return renderWithProviders(
    <>
      <ExportMenu filters={{ category: ["vinyl"] }} filtered />
      <Toaster />
    </>,
  );
}

describe("ExportMenu", () => {
  it("downloads the list as a file and says so, with its name", async () => {
    const saved = catchDownloads();
    server.use(
      http.get(`${API}/collectibles/export`, () =>
        new HttpResponse("name\nAbbey Road\n", { headers: { "Content-Type": "text/csv", "Content-Disposition": 'attachment; filename="omni-stock-vinyl.csv"' } }),
      ),
    );
    const { user } = renderMenu();
    await user.click(screen.getByRole("button", { name: "Export" }));
    await user.click(await screen.findByRole("menuitem", { name: "CSV (spreadsheets)" }));

    expect(await screen.findByText("Exported: omni-stock-vinyl.csv.")).toBeInTheDocument();
    expect(saved).toEqual(["omni-stock-vinyl.csv"]);
  });

  it("says why when the export fails, and downloads nothing", async () => {
    const saved = catchDownloads();
    server.use(http.get(`${API}/collectibles/export`, () => HttpResponse.json({ detail: "Too many exports.", code: "throttled" }, { status: 429 })));
    const { user } = renderMenu();
    await user.click(screen.getByRole("button", { name: "Export" }));
    await user.click(await screen.findByRole("menuitem", { name: "JSON" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Export failed: Too many exports.");
    expect(screen.queryByText(/^Exported:/)).not.toBeInTheDocument();
    expect(saved).toEqual([]);
  });
});
