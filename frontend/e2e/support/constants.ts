/** Shared by playwright.config.ts and the specs (kept free of Playwright imports). */

/** The backend that `webServer` starts for the e2e run (never a developer's :8000). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8123);
/** The e2e stack's own demo marketplace (a developer's `make run` keeps :8765). */
export const E2E_MARKETPLACE_PORT = Number(process.env.E2E_MARKETPLACE_PORT ?? 8766);
export const MARKETPLACE_URL = `http://127.0.0.1:${String(E2E_MARKETPLACE_PORT)}`;

/** Seeded by `run_stack` (backend/inventory/demo_data.py). */
export const DEMO_EMAIL = "demo@omni-stock.local";
export const DEMO_PASSWORD = "demo-collector-2026";
/** How many items the demo account lists, wants included (DEMO_COLLECTIBLES in
 * backend/devtools/demo_data.py). */
export const DEMO_ITEM_COUNT = 47;

/** Where the screenshots of the main screens go (gitignored with test-results/). */
export const SCREENSHOT_DIR = "test-results/screenshots";
