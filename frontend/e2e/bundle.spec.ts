/**
 * The initial JavaScript as a browser downloads it (issues 14 and 16, docs/performance.md
 * "SPA bundle"): a signed-in collector opening `/` with an empty cache fetches at most
 * 200 kB of compressed scripts before the first numbers are on screen, and the chart
 * (Recharts) only after them; opening `/collection`, at most 200 kB before the first items,
 * and the toolbar's menus, popovers and dialogs only when used. scripts/bundle-report.mjs
 * computes the same sets from the build's manifest; this checks they hold in Chromium
 * against the real server (whitenoise sending the precompressed files).
 */
import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./support/app";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./support/constants";

const GOAL_BYTES = 200_000;

interface ScriptTiming {
  path: string;
  startTime: number;
  encodedBodySize: number;
}

/** Notes on the page's own clock when `selector` first matches (window.__shownAt). */
async function watchFor(tab: Page, selector: string): Promise<void> {
  await tab.addInitScript((wanted) => {
    const seen = () => {
      if (document.querySelector(wanted)) (window as unknown as { __shownAt?: number }).__shownAt ??= performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  }, selector);
}

/** Every script the page fetched, and when `watchFor`'s selector first matched. */
async function scriptsOf(tab: Page): Promise<{ shownAt: number; scripts: ScriptTiming[] }> {
  return tab.evaluate(() => ({
    shownAt: (window as unknown as { __shownAt?: number }).__shownAt ?? Number.NaN,
    scripts: performance
      .getEntriesByType("resource")
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => new URL(e.name).pathname.endsWith(".js"))
      .map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime, encodedBodySize: e.encodedBodySize })),
  }));
}

const kB = (scripts: ScriptTiming[]) => (scripts.reduce((sum, s) => sum + s.encodedBodySize, 0) / 1000).toFixed(1);

test("the dashboard's numbers need ≤ 200 kB of compressed JavaScript; the chart loads after them", async ({ browser, page }, testInfo) => {
  await page.goto("/login");
  await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page.getByTestId("total-value")).toBeVisible();

  // A second window of the same session (its refresh cookie) with an empty HTTP cache.
  const cold = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: await page.context().storageState() });
  try {
    const tab = await cold.newPage();
    await watchFor(tab, "[data-testid='total-value']");
    const encodings = new Map<string, string>();
    tab.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith(".js")) encodings.set(url.pathname, response.headers()["content-encoding"] ?? "identity");
    });

    await tab.goto("/");
    await expect(tab.getByTestId("total-value")).toBeVisible();
    // The demo collection has a year of daily values: wait for the lazily loaded chart.
    await expect(tab.getByRole("img", { name: /^Collection value from/ }).locator(".recharts-surface")).toBeVisible();

    const { shownAt: numbersAt, scripts } = await scriptsOf(tab);
    expect(Number.isFinite(numbersAt)).toBe(true);

    const before = scripts.filter((s: ScriptTiming) => s.startTime < numbersAt);
    const after = scripts.filter((s: ScriptTiming) => s.startTime >= numbersAt);
    const initialBytes = before.reduce((sum, s) => sum + s.encodedBodySize, 0);
    testInfo.annotations.push({
      type: "bundle",
      description: `dashboard: initial JS ${kB(before)} kB in ${String(before.length)} files (${[...new Set(before.map((s) => encodings.get(s.path)))].join(", ")}); after the numbers ${kB(after)} kB in ${String(after.length)}`,
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

test("the collection list's first items need ≤ 200 kB of compressed JavaScript; its toolbar's overlays load on use", async ({ browser, page }, testInfo) => {
  await page.goto("/login");
  await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page.getByTestId("total-value")).toBeVisible();

  const cold = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: await page.context().storageState() });
  try {
    const tab = await cold.newPage();
    await watchFor(tab, "main tbody tr");
    await tab.goto("/collection");
    await expect(tab.locator("main tbody tr").first()).toBeVisible();

    const { shownAt, scripts } = await scriptsOf(tab);
    expect(Number.isFinite(shownAt)).toBe(true);
    const before = scripts.filter((s) => s.startTime < shownAt);
    testInfo.annotations.push({ type: "bundle", description: `collection list: initial JS ${kB(before)} kB in ${String(before.length)} files` });
    console.log(testInfo.annotations.at(-1)?.description);
    expect(before.reduce((sum, s) => sum + s.encodedBodySize, 0)).toBeLessThanOrEqual(GOAL_BYTES);
    // The export menu's and the filters' popovers' code is not fetched before it is used…
    const overlays = /\/(export-format-menu|filter-popovers)-/;
    expect(scripts.filter((s) => overlays.test(s.path))).toEqual([]);

    // …and a click still opens them, focus inside; Escape gives focus back.
    const exportButton = tab.getByRole("button", { name: "Export" });
    await exportButton.click();
    await expect(tab.getByRole("menuitem", { name: "CSV (spreadsheets)" })).toBeVisible();
    await tab.keyboard.press("Escape");
    await expect(tab.getByRole("menu")).toBeHidden();
    await expect(exportButton).toBeFocused();
    const category = tab.getByRole("button", { name: /^Category/ });
    await category.click();
    await expect(tab.getByRole("checkbox", { name: "Trading card" })).toBeFocused();
    await tab.keyboard.press("Escape");
    await expect(category).toBeFocused();
  } finally {
    await cold.close();
  }
});
