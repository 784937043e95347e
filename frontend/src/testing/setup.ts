import "@testing-library/jest-dom/vitest";

import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll } from "vitest";

import { toast } from "@/components/ui/toast";
import { loadFeatureTexts } from "@/i18n";
import { tokenStore } from "@/lib/api/token-store";

import { resetDb } from "./handlers";
import { resetAlertsDb } from "./handlers-alerts";
import { resetMarketplaceKeysDb } from "./handlers-marketplace-keys";
import { resetNotificationsDb } from "./handlers-notifications";
import { resetViewsDb } from "./handlers-views";
import { resetWantsDb } from "./handlers-wants";
import { server } from "./server";

// The router fetches the other screens' texts before their routes; components rendered
// alone in tests get them up front.
await loadFeatureTexts();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  toast.dismissAll();
  server.resetHandlers();
  resetDb();
  resetNotificationsDb();
  resetMarketplaceKeysDb();
  resetAlertsDb();
  resetWantsDb();
  resetViewsDb();
  tokenStore.clear();
  window.localStorage.clear();
});
afterAll(() => server.close());

// jsdom lacks these; Radix primitives and the theme store call them.
const win = window as unknown as Record<string, unknown>;
if (!("ResizeObserver" in window)) {
  class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  win.ResizeObserver = ResizeObserver;
  Object.assign(globalThis, { ResizeObserver });
}
if (typeof win.matchMedia !== "function") {
  win.matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}
const proto = Element.prototype as unknown as Record<string, unknown>;
const stubs: Record<string, () => unknown> = {
  scrollIntoView: () => undefined,
  hasPointerCapture: () => false,
  releasePointerCapture: () => undefined,
};
for (const [name, impl] of Object.entries(stubs)) {
  if (!(name in proto)) proto[name] = impl;
}
