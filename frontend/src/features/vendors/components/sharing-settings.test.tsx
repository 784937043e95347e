import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { Toaster } from "@/components/ui/toast";
import type { Vendor } from "@/lib/api/types";
import { makeVendor } from "@/testing/factories";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";

import { SharingSettings } from "./sharing-settings";

const API = "/api/v1";

function serve(vendor: Vendor) {
  const bodies: unknown[] = [];
  server.use(
    http.patch(`${API}/vendors/:id/`, async ({ request }) => {
      const body = (await request.json()) as Partial<Vendor>;
      bodies.push(body);
      return HttpResponse.json({ ...vendor, ...body, share_token: "t".repeat(43) });
    }),
    http.post(`${API}/vendors/:id/regenerate-share-link/`, () => {
      bodies.push("regenerate");
      return HttpResponse.json({ ...vendor, share_token: "n".repeat(43) });
    }),
  );
  return bodies;
}

describe("SharingSettings", () => {
  it("sends the chosen visibility and the prices switch", async () => {
    const vendor = makeVendor({ id: 2 });
    const bodies = serve(vendor);
    renderWithProviders(<><Toaster /><SharingSettings vendor={vendor} /></>);

    expect(screen.queryByLabelText("Share link")).toBeNull(); // private: no link to give out
    await userEvent.click(within(screen.getByRole("group", { name: "Collection" })).getByRole("radio", { name: /Public/ }));
    await screen.findByText("Sharing saved.");
    await userEvent.click(screen.getByRole("switch", { name: /Show prices/ }));
    await screen.findAllByText("Sharing saved.");
    expect(bodies).toEqual([{ collection_visibility: "public" }, { share_show_prices: true }]);
  });

  it("shows the link and the profile, and regenerates the link", async () => {
    const vendor = makeVendor({ id: 2, slug: "kanto", collection_visibility: "public", share_token: "a".repeat(43) });
    const bodies = serve(vendor);
    renderWithProviders(<><Toaster /><SharingSettings vendor={vendor} /></>);

    expect(screen.getByLabelText("Share link")).toHaveValue(`${window.location.origin}/share/${"a".repeat(43)}`);
    expect(screen.getByLabelText("Public profile")).toHaveValue(`${window.location.origin}/p/kanto`);
    await userEvent.click(screen.getByRole("button", { name: /Regenerate link/ }));
    await screen.findByText(/old one no longer works/);
    expect(bodies).toEqual(["regenerate"]);
  });

  it("offers no profile for an unlisted collection", () => {
    const vendor = makeVendor({ collection_visibility: "unlisted", share_token: "a".repeat(43) });
    renderWithProviders(<SharingSettings vendor={vendor} />);
    expect(screen.getByLabelText("Share link")).toBeInTheDocument();
    expect(screen.queryByLabelText("Public profile")).toBeNull();
  });
});
