import { afterEach, describe, expect, it, vi } from "vitest";

import { followSystemTheme, setTheme } from "./theme";

/** A stand-in for the OS colour scheme that can be switched during a test. */
function systemScheme(dark: boolean) {
  const target = new EventTarget();
  const query = Object.assign(target, { matches: dark, media: "(prefers-color-scheme: dark)" });
  vi.spyOn(window, "matchMedia").mockReturnValue(query as unknown as MediaQueryList);
  return (next: boolean) => {
    query.matches = next;
    target.dispatchEvent(new Event("change"));
  };
}

describe("the system theme", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
    document.documentElement.classList.remove("dark");
  });

  it("is followed while the page is open, with no theme menu on the page", () => {
    const switchTo = systemScheme(false);
    followSystemTheme();
    switchTo(true);
    expect(document.documentElement).toHaveClass("dark");
    switchTo(false);
    expect(document.documentElement).not.toHaveClass("dark");
  });

  it("is not followed once a theme is chosen", () => {
    const switchTo = systemScheme(false);
    followSystemTheme();
    setTheme("light");
    switchTo(true);
    expect(document.documentElement).not.toHaveClass("dark");
  });
});
