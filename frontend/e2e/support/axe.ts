/**
 * axe-core helpers of the accessibility specs (issue 16): a scan fails on any serious or
 * critical violation (WCAG 2.1 A/AA rules), in light and in dark.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

const SCHEMES = ["light", "dark"] as const;
const BLOCKING = new Set(["serious", "critical"]);

/** Every axe violation that blocks, one readable line each (rule, impact, where). */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.slice(0, 5).map((node) => `${violation.id} (${violation.impact ?? ""}): ${node.target.join(" ")} — ${node.failureSummary ?? ""}`),
    );
}

/** Scans the page as it stands in both schemes; `ready` must hold first in each. */
export async function scan(page: Page, name: string, ready: () => Promise<void>) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    if (scheme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    await ready();
    await expect(page.getByRole("status", { name: /^Loading/ })).toHaveCount(0);
    // The switch starts colour transitions (0.01 ms under reduced motion, index.css), but a
    // style read in the same task still gets the old colour: axe measured a light scheme's
    // text on the dark background. getAnimations() flushes the styles; wait for them to end.
    await page.evaluate(() => Promise.allSettled(document.getAnimations().map((animation) => animation.finished)).then(() => undefined));
    expect(await blockingViolations(page), `${name} in ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** `ready` for a page: its level-1 heading is shown. */
export const heading = (page: Page, name: string | RegExp) => () => expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

/** An overlay to scan: `open` opens it from the page as it stands and returns it. */
export interface Overlay {
  name: string;
  open: (page: Page) => Promise<Locator>;
  /** How it goes away again (default: Escape). */
  close?: (page: Page, overlay: Locator) => Promise<void>;
}

/** Opens, scans (light and dark) and closes each overlay in turn, on the same page. */
export async function scanOverlays(page: Page, overlays: Overlay[]) {
  for (const { name, open, close } of overlays) {
    const overlay = await open(page);
    await scan(page, name, () => expect(overlay).toBeVisible());
    if (close) await close(page, overlay);
    else await page.keyboard.press("Escape");
    await expect(overlay).toBeHidden();
  }
}

/** The overlays most of them are: a dialog (or alert dialog) opened by a button. */
export function byButton(name: string, button: string | RegExp, dialog: { role?: "dialog" | "alertdialog" | "menu"; name?: string | RegExp } = {}, scope?: (page: Page) => Locator): Overlay {
  return {
    name,
    open: async (page) => {
      await (scope ? scope(page) : page).getByRole("button", { name: button, exact: typeof button === "string" }).click();
      return page.getByRole(dialog.role ?? "dialog", dialog.name === undefined ? {} : { name: dialog.name });
    },
  };
}
