#!/usr/bin/env node
// Fails when src/lib/api/schema.d.ts is not what `npm run gen:api` produces from
// ../api_schema.json. Runs the exact `gen:api` command from package.json (so both always
// use the same generator options) into a temporary file, then compares byte for byte
// after normalising line endings.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const args = pkg.scripts["gen:api"].trim().split(/\s+/);
const committedRel = args[args.indexOf("-o") + 1];
const committed = join(root, committedRel);

const dir = mkdtempSync(join(tmpdir(), "omni-api-"));
const fresh = join(dir, "schema.d.ts");
const bin = join(root, "node_modules", ".bin", args[0]);
const genArgs = args.slice(1);
genArgs[genArgs.indexOf("-o") + 1] = fresh;

const normalise = (text) => text.replace(/\r\n/g, "\n");
try {
  execFileSync(bin, genArgs, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (!existsSync(committed)) {
    console.error(`✖ ${committedRel} is missing. Run \`npm run gen:api\` and commit it.`);
    process.exit(1);
  }
  const want = normalise(readFileSync(fresh, "utf8"));
  const have = normalise(readFileSync(committed, "utf8"));
  if (want !== have) {
    const a = have.split("\n");
    const b = want.split("\n");
    let line = 0;
    while (line < Math.max(a.length, b.length) && a[line] === b[line]) line += 1;
    console.error(
      `✖ ${committedRel} is out of date with ../api_schema.json (first difference at line ${line + 1}).\n` +
        `  committed: ${JSON.stringify(a[line] ?? "<end of file>")}\n` +
        `  generated: ${JSON.stringify(b[line] ?? "<end of file>")}\n` +
        "  Run `npm run gen:api` in frontend/, fix any type errors, and commit the result.",
    );
    process.exit(1);
  }
  console.log(`✔ ${committedRel} matches ../api_schema.json`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
