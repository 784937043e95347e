import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, onTestFinished, vi } from "vitest";

import { UNDO_WINDOW_MS } from "@/components/delete-with-undo";
import { Toaster } from "@/components/ui/toast";
import { makeCredential, marketplaceKeysDb } from "@/testing/handlers-marketplace-keys";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { MarketplaceKeys } from "./marketplace-keys";

const TOKEN = "dGlzY29nc3Rva2VuMTIzNDU2Nzg5";

function renderKeys() {
  signIn();
  return renderWithProviders(
    <>
      <MarketplaceKeys />
      <Toaster />
    </>,
  );
}

describe("MarketplaceKeys", () => {
  it("saves a Discogs token: sent once, then only its mask is shown", async () => {
    const { user } = renderKeys();
    const discogs = await screen.findByRole("listitem", { name: "Discogs" });
    expect(within(discogs).getByText("Not saved")).toBeInTheDocument();
    expect(within(discogs).getByText(/Settings → Developers/)).toBeInTheDocument();

    await user.click(within(discogs).getByRole("button", { name: "Add key" }));
    const form = screen.getByRole("form", { name: "Add Discogs key" });
    const input = within(form).getByLabelText(/Personal access token/);
    expect(input).toHaveAttribute("type", "password");
    await user.click(within(form).getByRole("button", { name: "Save key" }));
    expect(await within(form).findByText("Paste your Discogs personal access token.")).toBeInTheDocument();
    expect(marketplaceKeysDb.writes).toHaveLength(0);

    await user.type(input, TOKEN);
    await user.click(within(form).getByRole("button", { name: "Save key" }));

    expect(await screen.findByText("Discogs key saved.")).toBeInTheDocument();
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    expect(within(discogs).getByText(`•••${TOKEN.slice(-4)}`)).toBeInTheDocument();
    expect(within(discogs).getByText("Saved")).toBeInTheDocument();
    expect(screen.queryByText(TOKEN)).not.toBeInTheDocument();
    expect(marketplaceKeysDb.writes).toEqual([{ provider: "discogs", token: TOKEN }]);
  });

  it("replaces an eBay key's secret alone: the empty client id keeps the saved one", async () => {
    marketplaceKeysDb.credentials = [
      makeCredential({ id: 7, provider: "ebay", token_masked: "", client_id_masked: "•••d-01", client_secret_masked: "•••" }),
    ];
    const { user } = renderKeys();
    const ebay = await screen.findByRole("listitem", { name: "eBay" });
    expect(within(ebay).getByText("•••d-01")).toBeInTheDocument();

    await user.click(within(ebay).getByRole("button", { name: "Replace key" }));
    const form = screen.getByRole("form", { name: "Replace eBay key" });
    const clientId = within(form).getByLabelText(/Client ID/);
    // Never pre-filled with (or a copy of) the secret: only the mask, in the hint.
    expect(clientId).toHaveValue("");
    expect(within(form).getByText("Saved as •••d-01. Leave empty to keep it.")).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Save key" }));
    expect(await within(form).findByText(/Paste the new key, or cancel/)).toBeInTheDocument();

    await user.type(within(form).getByLabelText(/Client secret/), "PRD-0123456789abcdef-wxyz");
    await user.click(within(form).getByRole("button", { name: "Save key" }));
    expect(await screen.findByText("eBay key saved.")).toBeInTheDocument();
    expect(within(ebay).getByText("•••wxyz")).toBeInTheDocument();
    expect(within(ebay).getByText("•••d-01")).toBeInTheDocument();
    expect(marketplaceKeysDb.writes).toEqual([{ client_secret: "PRD-0123456789abcdef-wxyz" }]);
  });

  /** The undo window can be skipped; real time runs on for the requests and clicks. */
  function skippableUndoWindow() {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    return () => act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));
  }

  it("removes a key only after confirming, and sends it once the undo window has passed", async () => {
    const passWindow = skippableUndoWindow();
    marketplaceKeysDb.credentials = [makeCredential({ id: 3, provider: "discogs" })];
    const { user } = renderKeys();
    const discogs = await screen.findByRole("listitem", { name: "Discogs" });

    await user.click(within(discogs).getByRole("button", { name: "Remove" }));
    let dialog = screen.getByRole("alertdialog", { name: "Remove your Discogs key?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(marketplaceKeysDb.credentials).toHaveLength(1);

    await user.click(within(discogs).getByRole("button", { name: "Remove" }));
    dialog = screen.getByRole("alertdialog", { name: "Remove your Discogs key?" });
    await user.click(within(dialog).getByRole("button", { name: "Remove key" }));
    expect(await screen.findByText("Discogs key removed.")).toBeInTheDocument();
    expect(await within(discogs).findByText("Not saved")).toBeInTheDocument();
    expect(marketplaceKeysDb.credentials).toHaveLength(1);
    await passWindow();
    await waitFor(() => expect(marketplaceKeysDb.credentials).toHaveLength(0));
    expect(within(discogs).getByText("Not saved")).toBeInTheDocument();
  });

  it("puts a removed key back on Undo, and deletes nothing", async () => {
    const passWindow = skippableUndoWindow();
    marketplaceKeysDb.credentials = [makeCredential({ id: 3, provider: "discogs" })];
    const { user } = renderKeys();
    const discogs = await screen.findByRole("listitem", { name: "Discogs" });
    await user.click(within(discogs).getByRole("button", { name: "Remove" }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Remove key" }));
    expect(await within(discogs).findByText("Not saved")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByText("Restored.")).toBeInTheDocument();
    expect(await within(discogs).findByText("Saved")).toBeInTheDocument();
    await passWindow();
    expect(marketplaceKeysDb.credentials).toHaveLength(1);
  });

  it("says why a key could not be removed, and shows it saved again", async () => {
    const passWindow = skippableUndoWindow();
    marketplaceKeysDb.credentials = [makeCredential({ id: 3, provider: "discogs" })];
    server.use(http.delete("/api/v1/marketplace-credentials/:id/", () => HttpResponse.json({ detail: "Service unavailable.", code: "unavailable" }, { status: 503 })));
    const { user } = renderKeys();
    const discogs = await screen.findByRole("listitem", { name: "Discogs" });
    await user.click(within(discogs).getByRole("button", { name: "Remove" }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Remove key" }));
    await passWindow();
    expect(await screen.findByText("Could not delete: Service unavailable.")).toBeInTheDocument();
    expect(await within(discogs).findByText("Saved")).toBeInTheDocument();
  });

  it("shows the API's 400 next to the field it is about, and keeps the form open", async () => {
    const { user } = renderKeys();
    const discogs = await screen.findByRole("listitem", { name: "Discogs" });
    await user.click(within(discogs).getByRole("button", { name: "Add key" }));
    const form = screen.getByRole("form", { name: "Add Discogs key" });
    const input = within(form).getByLabelText(/Personal access token/);
    await user.type(input, "two words");
    await user.click(within(form).getByRole("button", { name: "Save key" }));

    expect(await within(form).findByText("A key is one word of printable characters.")).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(within(discogs).getByText("Not saved")).toBeInTheDocument();
  });

  it("says so when the keys cannot be loaded, and retries", async () => {
    server.use(
      http.get("/api/v1/marketplace-credentials/", () => HttpResponse.json({ detail: "Service unavailable.", code: "unavailable" }, { status: 503 }), {
        once: true,
      }),
    );
    const { user } = renderKeys();
    expect(await screen.findByText("Your marketplace keys could not be loaded")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("listitem", { name: "eBay" })).toBeInTheDocument();
  });
});
