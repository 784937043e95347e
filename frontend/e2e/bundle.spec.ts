/**
 * The initial JavaScript as a browser downloads it (issues 14 and 16, docs/performance.md
 * "SPA bundle"): a signed-in collector opening `/` with an empty cache fetches at most
 * 200 kB of compressed scripts before the first numbers are on screen, and the chart
 * (Recharts) only after them; opening `/collection`, at most 200 kB before the first items,
 * and the toolbar's menus, popovers and dialogs only when used. scripts/bundle-report.mjs
 * computes the same sets from the build's manifest; this checks they hold in Chromium
 * against the real server (whitenoise sending the precompressed files).
 */
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";

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

/** Every script the page fetched: those before `watchFor`'s selector first matched, and after. */
async function scriptsOf(tab: Page): Promise<{ scripts: ScriptTiming[]; before: ScriptTiming[]; after: ScriptTiming[] }> {
  const { shownAt, scripts } = await tab.evaluate(() => ({
    shownAt: (window as unknown as { __shownAt?: number }).__shownAt ?? Number.NaN,
    scripts: performance
      .getEntriesByType("resource")
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => new URL(e.name).pathname.endsWith(".js"))
      .map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime, encodedBodySize: e.encodedBodySize })),
  }));
  expect(Number.isFinite(shownAt)).toBe(true);
  return { scripts, before: scripts.filter((s) => s.startTime < shownAt), after: scripts.filter((s) => s.startTime >= shownAt) };
}

/**
 * Signs the demo collector in on `page`, then runs `check` in a second window of the same
 * session (its refresh cookie) with an empty HTTP cache, which notes when `selector` first
 * matches (`scriptsOf`). The window is closed afterwards, whatever `check` does.
 */
async function coldTab(
  { browser, page }: { browser: Browser; page: Page },
  testInfo: TestInfo,
  selector: string,
  check: (tab: Page) => Promise<void>,
): Promise<void> {
  await page.goto("/login");
  await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page.getByTestId("total-value")).toBeVisible();

  const cold = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: await page.context().storageState() });
  try {
    const tab = await cold.newPage();
    await watchFor(tab, selector);
    await check(tab);
  } finally {
    await cold.close();
  }
}

/** Adds a line to the test's report (and the run's output): what the page fetched. */
function note(testInfo: TestInfo, description: string): void {
  testInfo.annotations.push({ type: "bundle", description });
  console.log(description);
}

const kB = (scripts: ScriptTiming[]) => (scripts.reduce((sum, s) => sum + s.encodedBodySize, 0) / 1000).toFixed(1);

test("the dashboard's numbers need ≤ 200 kB of compressed JavaScript; the chart loads after them", async ({ browser, page }, testInfo) => {
  await coldTab({ browser, page }, testInfo, "[data-testid='total-value']", async (tab) => {
    const encodings = new Map<string, string>();
    tab.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith(".js")) encodings.set(url.pathname, response.headers()["content-encoding"] ?? "identity");
    });

    await tab.goto("/");
    await expect(tab.getByTestId("total-value")).toBeVisible();
    // The demo collection has a year of daily values: wait for the lazily loaded chart.
    await expect(tab.getByRole("img", { name: /^Collection value from/ }).locator(".recharts-surface")).toBeVisible();

    const { scripts, before, after } = await scriptsOf(tab);
    const initialBytes = before.reduce((sum, s) => sum + s.encodedBodySize, 0);
    note(
      testInfo,
      `dashboard: initial JS ${kB(before)} kB in ${String(before.length)} files (${[...new Set(before.map((s) => encodings.get(s.path)))].join(", ")}); after the numbers ${kB(after)} kB in ${String(after.length)}`,
    );

    // Every script came compressed (whitenoise found the .br/.gz written by the build).
    for (const s of scripts) expect(encodings.get(s.path), s.path).toMatch(/^(br|gzip)$/);
    expect(initialBytes).toBeGreaterThan(0);
    expect(initialBytes).toBeLessThanOrEqual(GOAL_BYTES);
    // The chart's chunk was not among them: it was fetched once the numbers were shown.
    expect(before.some((s) => s.path.includes("/value-chart-"))).toBe(false);
    expect(after.some((s) => s.path.includes("/value-chart-"))).toBe(true);
  });
});

test("the collection list's first items need ≤ 200 kB of compressed JavaScript; its toolbar's overlays load on use", async ({ browser, page }, testInfo) => {
  await coldTab({ browser, page }, testInfo, "main tbody tr", async (tab) => {
    await tab.goto("/collection");
    await expect(tab.locator("main tbody tr").first()).toBeVisible();

    const { scripts, before } = await scriptsOf(tab);
    note(testInfo, `collection list: initial JS ${kB(before)} kB in ${String(before.length)} files`);
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
  });
});
