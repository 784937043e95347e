import { describe, expect, it } from "vitest";

import { FEATURE_NAMESPACES } from "@/i18n";

import { ROUTE_TEXTS } from "./route-texts";

/**
 * A namespace the router does not fetch for a route shows its keys instead of words, and
 * nothing fails in the tests, which load every namespace up front (testing/setup.ts). So
 * this reads the code: from each route module through its imports (static and lazy, not
 * `import type`), which fetched namespaces it uses, and compares with ROUTE_TEXTS.
 */
const SOURCES = import.meta.glob<string>(["/src/**/*.{ts,tsx}", "!/src/**/*.test.{ts,tsx}", "!/src/testing/**", "!/src/i18n/**"], {
  query: "?raw",
  import: "default",
  eager: true,
});

const IMPORTS = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const names = FEATURE_NAMESPACES.join("|");
/** `useTranslation("x")`, `useTranslation(["x", …])`, `getFixedT(…, "x")`, `ns="x"` and keys written `"x:…"`. */
const USES = new RegExp(`(?:useTranslation\\(\\s*\\[?|getFixedT\\([^,]*,\\s*|\\bns[=:]\\s*\\[?)[^)]*?["'](${names})["']|["'\`](${names}):`, "g");

function resolve(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = `/src/${specifier.slice(2)}`;
  else if (specifier.startsWith(".")) {
    const parts = from.split("/").slice(0, -1);
    for (const part of specifier.split("/")) {
      if (part === "..") parts.pop();
      else if (part !== ".") parts.push(part);
    }
    base = parts.join("/");
  } else return undefined; // a package
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((file) => file in SOURCES);
}

/** The fetched namespaces the module and everything it imports use, each with one user. */
function namespacesUsedFrom(entry: string): Map<string, string> {
  const used = new Map<string, string>();
  const seen = new Set<string>();
  const stack = [entry];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = SOURCES[file] ?? "";
    for (const match of text.matchAll(USES)) {
      const namespace = match[1] ?? match[2];
      if (namespace && !used.has(namespace)) used.set(namespace, file);
    }
    for (const match of text.matchAll(IMPORTS)) {
      const target = resolve(file, match[1] ?? match[2] ?? "");
      if (target) stack.push(target);
    }
  }
  return used;
}

const routeModules = Object.keys(SOURCES)
  .filter((file) => /^\/src\/app\/routes\/[\w-]+\.tsx$/.test(file))
  .map((file) => file.replace(/^\/src\/app\/routes\/|\.tsx$/g, ""));

describe("the texts each route fetches", () => {
  it("finds the route modules and the namespaces of a known one", () => {
    expect(routeModules).toContain("collection-list");
    expect([...namespacesUsedFrom("/src/app/routes/collection-list.tsx").keys()].sort()).toEqual(["collectibles", "prices"]);
  });

  it.each(routeModules)("routes/%s.tsx fetches every namespace it shows, and no other", (route) => {
    const used = namespacesUsedFrom(`/src/app/routes/${route}.tsx`);
    const fetched: readonly string[] = route in ROUTE_TEXTS ? ROUTE_TEXTS[route as keyof typeof ROUTE_TEXTS] : [];
    const report = (namespaces: Iterable<string>) => [...namespaces].sort().map((ns) => `${ns} (${used.get(ns) ?? "unused"})`);
    expect(report(fetched)).toEqual(report(used.keys()));
  });
});
