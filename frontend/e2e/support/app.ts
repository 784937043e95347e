import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

/** A page in a browser context of its own (at the project's base URL), signed in. */
export async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/login");
  await signIn(page, email, password);
  return page;
}

/** A fresh account per run: the e2e database persists between runs. */
export function uniqueEmail(prefix = "collector"): string {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return `${prefix}-${stamp}@e2e.example.com`;
}

/** Signs in through the login form and waits for the app to land. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The "N items" line under the collection heading, as a number. */
export async function collectionCount(page: Page): Promise<number> {
  const line = page.getByText(/^\d+ items?( match your filters)?$/);
  await expect(line).toBeVisible();
  const text = (await line.textContent()) ?? "";
  return Number(/^(\d+)/.exec(text)?.[1]);
}

/** A bearer token for API calls the UI does not offer yet (price-engine checks). */
export async function apiToken(request: APIRequestContext, email: string, password: string): Promise<string> {
  const response = await request.post("/api/v1/auth/login", { data: { email, password } });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { access: string };
  return body.access;
}

/** A fresh account made through the API, and the headers of its API calls. */
export async function registerAccount(
  request: APIRequestContext,
  prefix: string,
  displayName: string,
): Promise<{ email: string; password: string; headers: Record<string, string> }> {
  const email = uniqueEmail(prefix);
  const password = `E2e-${Math.random().toString(36).slice(2)}-pass!`;
  const registered = await request.post("/api/v1/auth/register", { data: { email, password, display_name: displayName } });
  expect(registered.status(), await registered.text()).toBe(202);
  return { email, password, headers: { Authorization: `Bearer ${await apiToken(request, email, password)}` } };
}
