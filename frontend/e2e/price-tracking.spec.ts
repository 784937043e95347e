/**
 * Prices: add a tracker → refresh prices → the chart shows points.
 *
 * The first test drives the real price engine through the API (web → Redis → Celery
 * worker → the e2e demo marketplace → PostgreSQL → price series), so the pipeline the
 * chart draws from is checked on its own (a failure here is the backend's, not the UI's).
 * The second is the collector's journey in the SPA: trackers panel, "Refresh prices now"
 * with its progress, and the price chart.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";

import { uniqueEmail } from "./support/app";
import { MARKETPLACE_URL } from "./support/constants";

/** A JSON-LD Product/Offer page of the demo marketplace (scraped by the `structured` source). */
const CHARIZARD_PAGE = `${MARKETPLACE_URL}/shop/product/charizard-4`;

interface ScrapeJob {
  id: number;
  status: string;
  is_finished: boolean;
  trackers_succeeded: number;
  trackers_failed: number;
  observations_recorded: number;
  error: string;
}

interface PriceSeriesResponse {
  series: { source: string; currency: string; points: { t: string; price: string }[] }[];
}

async function registerViaApi(request: APIRequestContext): Promise<Record<string, string>> {
  const account = { email: uniqueEmail("prices"), password: `E2e-${Math.random().toString(36).slice(2)}-pass!` };
  const response = await request.post("/api/v1/auth/register", { data: { ...account, display_name: "Price watcher" } });
  expect(response.status(), await response.text()).toBe(202);
  const login = await request.post("/api/v1/auth/login", { data: account });
  expect(login.status(), await login.text()).toBe(200);
  const { access } = (await login.json()) as { access: string };
  return { Authorization: `Bearer ${access}` };
}

test("the price engine records a new tracker's prices and serves them as a series", async ({ request }) => {
  test.setTimeout(120_000);
  const headers = await registerViaApi(request);

  const item = await request.post("/api/v1/collectibles/", {
    headers,
    data: { name: "Charizard", category: "trading_card", set_name: "Base Set", number: "4/102" },
  });
  expect(item.status(), await item.text()).toBe(201);
  const { id } = (await item.json()) as { id: number };

  const tracker = await request.post(`/api/v1/collectibles/${String(id)}/trackers/`, {
    headers,
    data: { source: "structured", url: CHARIZARD_PAGE },
  });
  expect(tracker.status(), await tracker.text()).toBe(201);

  const refresh = await request.post(`/api/v1/collectibles/${String(id)}/refresh-prices`, { headers });
  expect(refresh.status(), await refresh.text()).toBe(202);
  const job = (await refresh.json()) as ScrapeJob;

  // The worker picks the job up and follows it to the end (what the SPA's progress polls).
  let finished: ScrapeJob = job;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/v1/scrape-jobs/${String(job.id)}/`, { headers });
        finished = (await response.json()) as ScrapeJob;
        return finished.is_finished;
      },
      { timeout: 90_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  // (The beat may have checked the new tracker first: then this run finds the page
  // unchanged and records nothing new, so the series below is what must have a point.)
  expect(finished, JSON.stringify(finished)).toMatchObject({ status: "succeeded", trackers_succeeded: 1, trackers_failed: 0 });

  const prices = await request.get(`/api/v1/collectibles/${String(id)}/prices?interval=raw`, { headers });
  expect(prices.status(), await prices.text()).toBe(200);
  const body = (await prices.json()) as PriceSeriesResponse;
  const points = body.series.flatMap((s) => s.points);
  expect(points.length).toBeGreaterThanOrEqual(1);
  expect(Number(points[0]?.price)).toBeGreaterThan(0);
});

test("a collector adds a tracker, refreshes prices and sees the chart", async ({ page }) => {
  test.setTimeout(120_000);
  // Set-up through the API (the sign-up and item form are covered by the journey spec);
  // page.request shares the browser's cookies, so the refresh cookie signs the page in.
  const headers = await registerViaApi(page.request);
  const item = await page.request.post("/api/v1/collectibles/", {
    headers,
    data: { name: "Charizard", category: "trading_card", set_name: "Base Set", number: "4/102" },
  });
  expect(item.status(), await item.text()).toBe(201);
  const { id } = (await item.json()) as { id: number };

  await page.goto(`/collection/${String(id)}`);
  await expect(page.getByRole("heading", { name: "Charizard", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^No prices yet/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No trackers yet" })).toBeVisible();
  await expect(page.getByTestId("current-value")).toHaveText("No value yet");

  // Add a tracker for the demo marketplace's JSON-LD product page.
  await page.getByRole("button", { name: "Add tracker" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add a tracker" });
  const form = dialog.getByRole("form", { name: "New tracker" });
  await form.getByRole("combobox", { name: "Source" }).selectOption("structured");
  await form.getByRole("textbox", { name: "Page address" }).fill(CHARIZARD_PAGE);
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
  const trackers = page.getByRole("list", { name: "Trackers" });
  await expect(trackers.getByRole("link", { name: /127\.0\.0\.1:\d+\/shop\/product\/charizard-4/ })).toBeVisible();

  // Refresh now: the progress follows the ScrapeJob until the worker is done.
  await page.getByRole("button", { name: "Refresh prices now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Refresh finished: 1 of 1 trackers succeeded/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(trackers).toContainText(/Last success: (?!never)/);

  // The chart shows the observed price as a point.
  const chart = page.getByRole("img", { name: /^Price chart, 1 series in [A-Z]{3}/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-line-dots circle").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /^No prices yet/ })).toBeHidden();

  // The server values the item from that price, and the value card says so.
  await expect(page.getByTestId("current-value")).not.toHaveText("No value yet");
  await expect(page.getByText(/^Latest Shop page price for /)).toBeVisible();
});
