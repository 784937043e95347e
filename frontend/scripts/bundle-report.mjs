#!/usr/bin/env node
/**
 * The SPA's initial JavaScript after login, from the Vite manifest of the last build.
 *
 *   npm run build && node scripts/bundle-report.mjs     # or: npm run bundle:report
 *
 * "Initial" is what a signed-in user's browser fetches to open the dashboard (`/`) from
 * a cold cache: the entry chunk (index.html's script and its modulepreloads) plus every
 * chunk the dashboard's route chain imports statically — the app layout (the signed-in
 * shell, a lazy route), the dashboard route and the texts the router fetches with it
 * (src/app/route-texts.ts) — all followed transitively. Chunks those
 * modules import dynamically (the chart: Recharts) are listed apart as "deferred": they
 * are fetched only once the dashboard's numbers are on screen.
 *
 * Sizes are gzip at level 9 (what whitenoise serves; Brotli is smaller still), in
 * kB of 1,000 bytes, like Vite's own report. Exits 1 when the initial JavaScript of the
 * dashboard, the login page or the collection list is over the goal (issues 14 and 16:
 * ≤ 200 kB gzipped), 2 when the manifest is missing or does not describe the routes below.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const GOAL_KB = 200;
const ENTRY = "index.html";

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const distDir = path.resolve(frontendDir, process.argv[2] ?? "dist");
const manifestPath = path.join(distDir, ".vite", "manifest.json");

function fail(message) {
  console.error(`bundle-report: ${message}`);
  process.exit(2);
}

/**
 * The namespaces the router fetches with a route (src/app/route-texts.ts, read as text: this
 * script runs on the build, not through Vite), as manifest keys of their English chunks.
 */
function routeTexts(route) {
  const source = readFileSync(path.join(frontendDir, "src", "app", "route-texts.ts"), "utf8");
  const list = source.match(new RegExp(`(?:"${route}"|\\b${route}):\\s*\\[([^\\]]*)\\]`));
  if (!list) fail(`no "${route}" in src/app/route-texts.ts: has the route moved? Update this script.`);
  return [...list[1].matchAll(/"(\w+)"/g)].map(([, namespace]) => `src/i18n/en/${namespace}.ts`);
}

/** What React Router loads for `/`, outermost first (src/app/router.tsx): the lazy route modules and the dashboard's texts. */
const DASHBOARD_ROUTE = ["src/app/routes/app-layout.tsx", "src/app/routes/dashboard.tsx", ...routeTexts("dashboard")];

if (!existsSync(manifestPath)) fail(`${manifestPath} not found: run \`npm run build\` first (vite.config.ts sets build.manifest).`);
/** @type {Record<string, {file: string, name?: string, src?: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[]}>} */
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
for (const key of [ENTRY, ...DASHBOARD_ROUTE]) {
  if (!manifest[key]) fail(`${key} is not in the manifest: has the route moved? Update DASHBOARD_ROUTE.`);
}

/** Manifest keys reachable from `roots` through static imports, roots included. */
function staticClosure(roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) stack.push(next);
  }
  return seen;
}

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(path.join(distDir, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizes.get(file);
}

const initial = staticClosure([ENTRY, ...DASHBOARD_ROUTE]);
const deferred = new Set();
for (const key of initial) {
  for (const dynamic of manifest[key].dynamicImports ?? []) {
    // Other routes are dynamic imports of the entry, other namespaces and languages of
    // src/i18n/index.ts: not part of the dashboard.
    if (key === ENTRY || dynamic.startsWith("src/i18n/")) continue;
    for (const reached of staticClosure([dynamic])) if (!initial.has(reached)) deferred.add(reached);
  }
}

const kb = (bytes) => (bytes / 1000).toFixed(2);
function rows(keys) {
  return [...keys]
    .map((key) => ({ key, file: manifest[key].file, ...sizeOf(manifest[key].file) }))
    .sort((a, b) => b.gzip - a.gzip);
}
function total(list) {
  return list.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });
}
function print(title, list) {
  const width = Math.max(40, ...list.map((r) => r.file.length));
  console.log(`\n${title}`);
  console.log(`  ${"chunk".padEnd(width)}  ${"raw kB".padStart(9)}  ${"gzip kB".padStart(9)}`);
  for (const r of list) console.log(`  ${r.file.padEnd(width)}  ${kb(r.raw).padStart(9)}  ${kb(r.gzip).padStart(9)}`);
  const t = total(list);
  console.log(`  ${`total (${String(list.length)} chunks)`.padEnd(width)}  ${kb(t.raw).padStart(9)}  ${kb(t.gzip).padStart(9)}`);
  return t;
}

const initialRows = rows(initial);
const css = [...new Set([...initial].flatMap((key) => manifest[key].css ?? []))];
const initialTotal = print("Initial JavaScript after login: entry + app layout + dashboard route, static imports", initialRows);
if (deferred.size > 0) print("Deferred: fetched once the dashboard's numbers are shown (the chart)", rows(deferred));
const cssGzip = css.reduce((sum, file) => sum + sizeOf(file).gzip, 0);
console.log(`\nCSS loaded with it (not counted): ${css.join(", ") || "none"}, ${kb(cssGzip)} kB gzip`);

/**
 * The other first screens the goal names (issue 16), each held to it: the login page
 * signed out, and the collection list signed in (the shell, the list route and the
 * texts the router awaits for it).
 */
const OTHER_ROUTES = [
  { name: "Login page", route: ["src/app/routes/login.tsx"] },
  { name: "Collection list", route: ["src/app/routes/app-layout.tsx", "src/app/routes/collection-list.tsx", ...routeTexts("collection-list")] },
];
const verdict = (gzip) => (gzip > GOAL_KB * 1000 ? `MISS by ${kb(gzip - GOAL_KB * 1000)} kB` : "PASS");
let over = initialTotal.gzip > GOAL_KB * 1000;
console.log(`\nDashboard initial JS: ${kb(initialTotal.gzip)} kB gzip, goal ≤ ${String(GOAL_KB)} kB → ${verdict(initialTotal.gzip)}`);
for (const { name, route } of OTHER_ROUTES) {
  for (const key of route) if (!manifest[key]) fail(`${key} is not in the manifest: has the route moved? Update OTHER_ROUTES.`);
  const gzip = total(rows(staticClosure([ENTRY, ...route]))).gzip;
  over ||= gzip > GOAL_KB * 1000;
  console.log(`${name} initial JS: ${kb(gzip)} kB gzip, goal ≤ ${String(GOAL_KB)} kB → ${verdict(gzip)}`);
}
process.exit(over ? 1 : 0);
