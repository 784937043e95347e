import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import type { ScrapeJob } from "@/lib/api/types";
import { API, makeScrapeJob } from "@/testing/handlers";
import { renderWithProviders, signIn } from "@/testing/render";
import { server } from "@/testing/server";

import { usePriceSeries } from "../api/get-price-series";
import { RefreshPrices } from "./refresh-prices";

/** Something on the page that shows the series, as the chart does. */
function SeriesProbe() {
  const prices = usePriceSeries(101, { interval: "day" });
  return <p data-testid="series">{prices.data ? `${String(prices.data.series.length)} series` : "…"}</p>;
}

function setup() {
  signIn();
  return renderWithProviders(
    <>
      <RefreshPrices collectibleId={101} />
      <SeriesProbe />
    </>,
  );
}

describe("refresh prices now", () => {
  it("follows the job until it is done, then reloads the series", async () => {
    const queued = makeScrapeJob({ id: 77, status: "queued", trackers_total: 2 });
    const states: ScrapeJob[] = [
      { ...queued, status: "running", trackers_succeeded: 1 },
      { ...queued, status: "running", trackers_succeeded: 1 },
      { ...queued, status: "succeeded", is_finished: true, trackers_succeeded: 2, observations_recorded: 3 },
    ];
    let seriesCalls = 0;
    let jobCalls = 0;
    server.use(
      http.post(`${API}/collectibles/:id/refresh-prices`, () => HttpResponse.json(queued, { status: 202 })),
      http.get(`${API}/scrape-jobs/:id/`, ({ params }) => {
        expect(params.id).toBe("77");
        const state = states[Math.min(jobCalls, states.length - 1)];
        jobCalls += 1;
        return HttpResponse.json(state);
      }),
      http.get(`${API}/collectibles/:id/prices`, () => {
        seriesCalls += 1;
        return HttpResponse.json({ collectible: 101, interval: "day", from: "2025-01-01", to: "2025-01-15", series: [] });
      }),
    );
    const { user } = setup();
    expect(await screen.findByText("0 series")).toBeInTheDocument();
    expect(seriesCalls).toBe(1);

    await user.click(screen.getByRole("button", { name: "Refresh prices now" }));

    const progress = await screen.findByRole("progressbar", { name: "Refreshing prices" });
    await screen.findByText("1 of 2 trackers checked", {}, { timeout: 3000 });
    expect(progress).toHaveAttribute("aria-valuenow", "1");
    expect(screen.getByRole("button", { name: "Refreshing…" })).toBeDisabled();
    expect(seriesCalls).toBe(1); // nothing reloaded while the job runs

    expect(
      await screen.findByText(/Refresh finished: 2 of 2 trackers succeeded; 3 prices recorded\./, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    await screen.findByRole("button", { name: "Refresh prices now" });
    await expect.poll(() => seriesCalls).toBe(2);

    // Polling stopped with the finished job.
    const callsWhenDone = jobCalls;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(jobCalls).toBe(callsWhenDone);
  }, 15_000);

  it("lists failed trackers with the reason in words", async () => {
    const finished = makeScrapeJob({
      id: 78,
      status: "partial",
      is_finished: true,
      trackers_total: 2,
      trackers_succeeded: 1,
      trackers_failed: 1,
      runs: [
        { id: 1, tracker: 5, url: "https://shop.example/a", source: "css", status: "failed", not_modified: false, observations_recorded: 0, error_kind: "selector_not_found", error_message: "No element matches .price", attempts: 1, started_at: null, finished_at: null },
      ],
    });
    server.use(
      http.post(`${API}/collectibles/:id/refresh-prices`, () => HttpResponse.json({ ...finished, is_finished: false, status: "queued" }, { status: 202 })),
      http.get(`${API}/scrape-jobs/:id/`, () => HttpResponse.json(finished)),
    );
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Refresh prices now" }));
    expect(await screen.findByText(/1 of 2 trackers succeeded, 1 failed/, {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText(/The CSS selector matched nothing on the page\. \(No element matches \.price\)/)).toBeInTheDocument();
  });

  it("explains a 503 (task queue down) instead of starting a job", async () => {
    server.use(
      http.post(`${API}/collectibles/:id/refresh-prices`, () =>
        HttpResponse.json({ detail: "The task queue is unavailable; nothing was changed. Try again in a minute.", code: "queue_unavailable" }, { status: 503 }),
      ),
    );
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Refresh prices now" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("the background task queue is unavailable. Nothing was changed");
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refresh prices now" })).toBeEnabled();
  });
});
