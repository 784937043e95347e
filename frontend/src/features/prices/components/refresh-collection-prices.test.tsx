import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { Toaster } from "@/components/ui/toast";
import type { Vendor, VendorRefresh } from "@/lib/api/types";
import { API, makeVendor } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { RefreshCollectionPrices } from "./refresh-collection-prices";

function refreshed(overrides: Partial<VendorRefresh> = {}): VendorRefresh {
  return { vendor: 1, queued: 37, jobs: [501, 502], skipped: { paused: 2, already_queued: 0, over_limit: 0 }, ...overrides };
}

function setup(vendor: Vendor = makeVendor()) {
  signIn();
  return renderWithProviders(
    <>
      <RefreshCollectionPrices vendor={vendor} />
      <Toaster />
    </>,
  );
}

describe("refresh all prices of a collection", () => {
  it("queues the collection's trackers and says how many, pending meanwhile", async () => {
    let answer: (() => void) | undefined;
    const requested: string[] = [];
    server.use(
      http.post(`${API}/vendors/:id/refresh-prices`, async ({ params }) => {
        requested.push(String(params.id));
        await new Promise<void>((resolve) => (answer = resolve));
        return HttpResponse.json(refreshed(), { status: 202 });
      }),
    );
    const { user } = setup(makeVendor({ id: 7, role: "editor" }));

    await user.click(screen.getByRole("button", { name: "Refresh all prices" }));

    expect(await screen.findByRole("button", { name: "Refreshing…" })).toBeDisabled();
    expect(requested).toEqual(["7"]);
    answer?.();
    expect(await screen.findByText("Checking 37 trackers; prices update as they come in.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refresh all prices" })).toBeEnabled();
  });

  it("says so when every tracker is being checked already", async () => {
    server.use(
      http.post(`${API}/vendors/:id/refresh-prices`, () =>
        HttpResponse.json(refreshed({ queued: 0, jobs: [], skipped: { paused: 0, already_queued: 4, over_limit: 0 } }), { status: 202 }),
      ),
    );
    const { user } = setup();

    await user.click(screen.getByRole("button", { name: "Refresh all prices" }));

    expect(await screen.findByText(/Every tracker is being checked already/)).toBeInTheDocument();
  });

  it("says when to try again when the collection was refreshed minutes ago (429)", async () => {
    const detail = "The prices of this collection were refreshed less than 10 minutes ago; try again in 7 minutes.";
    server.use(
      http.post(`${API}/vendors/:id/refresh-prices`, () =>
        HttpResponse.json({ detail, code: "throttled" }, { status: 429, headers: { "Retry-After": "401" } }),
      ),
    );
    const { user } = setup();

    await user.click(screen.getByRole("button", { name: "Refresh all prices" }));

    expect(
      await screen.findByText("This collection's prices were refreshed a few minutes ago; try again in 7 minutes."),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refresh all prices" })).toBeEnabled();
  });

  it("shows why when the task queue is down (503)", async () => {
    const detail = "The task queue is unavailable; nothing was changed. Try again in a minute.";
    server.use(
      http.post(`${API}/vendors/:id/refresh-prices`, () => HttpResponse.json({ detail, code: "queue_unavailable" }, { status: 503 })),
    );
    const { user } = setup();

    await user.click(screen.getByRole("button", { name: "Refresh all prices" }));

    expect(await screen.findByText(detail)).toBeInTheDocument();
  });

  it("is not offered to viewers", () => {
    setup(makeVendor({ role: "viewer" }));

    expect(screen.queryByRole("button", { name: "Refresh all prices" })).not.toBeInTheDocument();
  });
});
