import { useSyncExternalStore } from "react";

/**
 * The vendor last picked in the shell's vendor switch (null = all your collections),
 * remembered across reloads. Several screens follow it (dashboard, the Collection link,
 * the add-item form's default), so it is app-wide state rather than a feature's.
 */
const STORAGE_KEY = "omni-vendor";
const listeners = new Set<() => void>();

function read(): number | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw && /^\d+$/.test(raw) ? Number(raw) : null;
  } catch {
    return null;
  }
}

export function setVendorPreference(vendorId: number | null): void {
  try {
    if (vendorId === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, String(vendorId));
  } catch {
    // ignore (private mode)
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useVendorPreference(): number | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
