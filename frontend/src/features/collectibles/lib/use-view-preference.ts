import { useState } from "react";

export type CollectionLayout = "table" | "grid";
const STORAGE_KEY = "omni-collection-view";

function readLayout(): CollectionLayout {
  try {
    return localStorage.getItem(STORAGE_KEY) === "grid" ? "grid" : "table";
  } catch {
    return "table";
  }
}

/** Table or grid, remembered on this device (a matter of taste, not of the link). */
export function useViewPreference() {
  const [layout, setLayout] = useState<CollectionLayout>(readLayout);
  const choose = (next: CollectionLayout) => {
    setLayout(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  return [layout, choose] as const;
}
