import { useSyncExternalStore } from "react";

export type Theme = "light" | "dark" | "system";
const STORAGE_KEY = "omni-theme"; // also read by the inline script in index.html

const listeners = new Set<() => void>();
const media = () => window.matchMedia("(prefers-color-scheme: dark)");

function readTheme(): Theme {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

function resolved(theme: Theme): "light" | "dark" {
  if (theme === "system") return media().matches ? "dark" : "light";
  return theme;
}

function apply(theme: Theme) {
  document.documentElement.classList.toggle("dark", resolved(theme) === "dark");
}

export function setTheme(theme: Theme): void {
  try {
    if (theme === "system") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  apply(theme);
  for (const listener of listeners) listener();
}

/**
 * With "system", the page follows the OS switching between light and dark while open. Set
 * up once at start (main.tsx), not by the theme menu: that menu loads late, and on a phone
 * only when the menu sheet opens.
 */
export function followSystemTheme(): void {
  media().addEventListener("change", () => {
    if (readTheme() === "system") apply("system");
    for (const listener of listeners) listener();
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The chosen theme ("system" follows the OS) and the one actually shown. */
export function useTheme() {
  const theme = useSyncExternalStore(subscribe, readTheme, (): Theme => "system");
  const shown = useSyncExternalStore(subscribe, () => resolved(readTheme()), (): "light" | "dark" => "light");
  return { theme, resolvedTheme: shown, setTheme };
}
