/**
 * End-to-end tests: the built SPA served by the real backend (`manage.py run_stack`:
 * gunicorn, Celery worker and beat, the demo marketplace) on embedded PostgreSQL and
 * Redis, driven by Debian's headless Chromium.
 *
 *   npm run e2e          # = tsc -p e2e && npm run build && playwright test
 *
 * No browser is downloaded: `@playwright/test` (the npm package) drives
 * `/usr/bin/chromium` (`apt-get install -y chromium`; override with CHROMIUM_PATH).
 * Set PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 if you ever run `npx playwright install`-like
 * tooling. Screenshots of the main screens go to test-results/screenshots/ (gitignored).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig, devices } from "@playwright/test";

import { E2E_MARKETPLACE_PORT, E2E_PORT } from "./e2e/support/constants";
import { E2E_DATA_DIR, E2E_MAIL_DIR } from "./e2e/support/mail";

const frontendDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.resolve(frontendDir, "..");

const baseURL = `http://127.0.0.1:${String(E2E_PORT)}`;

/**
 * The backend's environment on top of the developer's (or CI's): Playwright merges these
 * over its own process.env. Empty DATABASE_URL / REDIS_URL mean "embedded" to the
 * settings, so the e2e run starts its own PostgreSQL and Redis under .data/e2e and never
 * touches CI's database or a developer's data.
 */
function backendEnv(): Record<string, string> {
  return {
    DATABASE_URL: "",
    REDIS_URL: "",
    DEBUG: "true",
    OMNI_DATA_DIR: E2E_DATA_DIR,
    // Every test signs in from 127.0.0.1: the production rate (5/min) would make two
    // back-to-back runs flaky. Throttling itself is covered by the backend's tests.
    AUTH_THROTTLE_RATE: "1000/min",
    ACCOUNT_MAIL_THROTTLE_RATE: "1000/min",
    // Our own demo marketplace port (see above); the scraper may fetch only from it.
    SCRAPER_ALLOWED_HOSTS: `127.0.0.1:${String(E2E_MARKETPLACE_PORT)}`,
    // The demo trackers (≈80) all fall due on the first start; the local marketplace
    // needs no politeness delay, so a refresh is not queued behind minutes of waiting.
    SCRAPER_MIN_DELAY_SECONDS: "0",
    // Mails are written as files there (Django's file backend), so a spec can open the
    // links they carry (support/mail.ts): a reset link, a verification link.
    EMAIL_URL: `filemail:///${E2E_MAIL_DIR}`,
    // The demo's offline exchange rates are old: a worker would fetch the ECB's on start.
    VALUATION_FETCH_RATES_ON_START: "false",
  };
}

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "UTC",
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: `uv run --frozen python backend/manage.py run_stack --port ${String(E2E_PORT)} --marketplace-port ${String(E2E_MARKETPLACE_PORT)}`,
    cwd: repoDir,
    env: backendEnv(),
    url: `${baseURL}/healthz`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    // run_stack (honcho) starts web, worker, beat and the marketplace in their own
    // process groups: only a SIGTERM lets it stop them. The default SIGKILL would leave
    // them running (and the next local run would silently reuse that stale server).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
