/**
 * The dashboard's initial JavaScript as a browser downloads it (issue 14, docs/performance.md
 * "SPA bundle"): a signed-in collector opening `/` with an empty cache fetches at most
 * 200 kB of compressed scripts before the first numbers are on screen, and the chart
 * (Recharts) only after them. scripts/bundle-report.mjs computes the same set from the
 * build's manifest; this checks it holds in Chromium against the real server (whitenoise
 * sending the precompressed files).
 */
import { expect, test } from "@playwright/test";

import { signIn } from "./support/app";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./support/constants";

const GOAL_BYTES = 200_000;

interface ScriptTiming {
  path: string;
  startTime: number;
  encodedBodySize: number;
}

test("the dashboard's numbers need ≤ 200 kB of compressed JavaScript; the chart loads after them", async ({ browser, page }, testInfo) => {
  await page.goto("/login");
  await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page.getByTestId("total-value")).toBeVisible();

  // A second window of the same session (its refresh cookie) with an empty HTTP cache.
  const cold = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: await page.context().storageState() });
  try {
    const tab = await cold.newPage();
    // When the total first appears in the DOM, on the page's own clock.
    await tab.addInitScript(() => {
      const seen = () => {
        if (document.querySelector("[data-testid='total-value']")) {
          (window as unknown as { __numbersAt?: number }).__numbersAt ??= performance.now();
        }
      };
      new MutationObserver(seen).observe(document, { childList: true, subtree: true });
    });
    const encodings = new Map<string, string>();
    tab.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith(".js")) encodings.set(url.pathname, response.headers()["content-encoding"] ?? "identity");
    });

    await tab.goto("/");
    await expect(tab.getByTestId("total-value")).toBeVisible();
    // The demo collection has a year of daily values: wait for the lazily loaded chart.
    await expect(tab.getByRole("img", { name: /^Collection value from/ }).locator(".recharts-surface")).toBeVisible();

    const { numbersAt, scripts } = await tab.evaluate(() => ({
      numbersAt: (window as unknown as { __numbersAt?: number }).__numbersAt ?? Number.NaN,
      scripts: performance
        .getEntriesByType("resource")
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => new URL(e.name).pathname.endsWith(".js"))
        .map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime, encodedBodySize: e.encodedBodySize })),
    }));
    expect(Number.isFinite(numbersAt)).toBe(true);

    const before = scripts.filter((s: ScriptTiming) => s.startTime < numbersAt);
    const after = scripts.filter((s: ScriptTiming) => s.startTime >= numbersAt);
    const initialBytes = before.reduce((sum, s) => sum + s.encodedBodySize, 0);
    const chartBytes = after.reduce((sum, s) => sum + s.encodedBodySize, 0);
    testInfo.annotations.push({
      type: "bundle",
      description: `initial JS ${(initialBytes / 1000).toFixed(1)} kB in ${String(before.length)} files (${[...new Set(before.map((s) => encodings.get(s.path)))].join(", ")}); after the numbers ${(chartBytes / 1000).toFixed(1)} kB in ${String(after.length)}`,
    });
    console.log(testInfo.annotations.at(-1)?.description);

    // Every script came compressed (whitenoise found the .br/.gz written by the build).
    for (const s of scripts) expect(encodings.get(s.path), s.path).toMatch(/^(br|gzip)$/);
    expect(initialBytes).toBeGreaterThan(0);
    expect(initialBytes).toBeLessThanOrEqual(GOAL_BYTES);
    // The chart's chunk was not among them: it was fetched once the numbers were shown.
    expect(before.some((s) => s.path.includes("/value-chart-"))).toBe(false);
    expect(after.some((s) => s.path.includes("/value-chart-"))).toBe(true);
  } finally {
    await cold.close();
  }
});
