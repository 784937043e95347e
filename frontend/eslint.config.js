import { readdirSync } from "node:fs";

import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import i18next from "eslint-plugin-i18next";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import reactRefresh from "eslint-plugin-react-refresh";
import globals from "globals";
import tseslint from "typescript-eslint";

// One-way layering: shared code (components, lib, config, testing) ← features ← app.
// Features never import each other; what several need moves down to shared code, and
// screens combining features are composed in src/app/. One zone per feature directory,
// read from disk, so a new feature is fenced in without touching this file.
const SHARED = ["./src/components", "./src/lib", "./src/config", "./src/testing"];
const features = readdirSync(new URL("./src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const layerZones = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: "./src/features",
    except: [`./${feature}`],
    message: "Features never import each other: compose them in src/app/, or move what they share to src/components/ or src/lib/.",
  })),
  {
    target: ["./src/features", ...SHARED],
    from: "./src/app",
    message: "src/app/ composes everything else; nothing imports it back (only src/main.tsx).",
  },
  {
    target: SHARED,
    from: "./src/features",
    message: "Shared code never imports a feature: take what it needs as props, or move it to src/components/ or src/lib/.",
  },
];
// The MSW fake backend and render helpers are for tests only: keep them out of the bundle.
const testingZone = {
  target: ["./src/app", "./src/features", "./src/components", "./src/lib", "./src/config", "./src/main.tsx"],
  from: "./src/testing",
  message: "src/testing/ is test infrastructure: only tests (and src/testing/ itself) import it.",
};
const TEST_FILES = ["src/**/*.test.{ts,tsx}"];
const restrictedPaths = (zones) => ["error", { basePath: import.meta.dirname, zones }];

export default tseslint.config(
  { ignores: ["dist", "coverage", "node_modules", "src/lib/api/schema.d.ts"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [
      js.configs.recommended,
      ...tseslint.configs.strictTypeChecked,
      ...pluginQuery.configs["flat/recommended"],
    ],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: {
      "react-hooks": reactHooks,
      "react-refresh": reactRefresh,
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "react-refresh/only-export-components": ["warn", { allowConstantExport: true }],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-confusing-void-expression": "off",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // zod only through src/lib/zod.ts: it sets the CSP-safe mode before any schema exists.
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "zod", message: "Import { z } from \"@/lib/zod\" (configured for the CSP)." }] },
      ],
      // react-router's redirect() returns a Response that loaders throw.
      "@typescript-eslint/only-throw-error": [
        "error",
        { allow: [{ from: "lib", name: "Response" }], allowRethrowing: true },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      // Without this, import-x parses only .js files and no-cycle silently finds nothing.
      "import-x/extensions": [".ts", ".tsx"],
      // Resolves the `@/` alias (tsconfig paths) too, so the zones below see every import.
      "import-x/resolver-next": [
        createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.app.json` }),
      ],
    },
    rules: {
      "import-x/no-restricted-paths": restrictedPaths([...layerZones, testingZone]),
      "import-x/no-cycle": "error",
      // The two rules above skip what they cannot resolve: fail loudly instead, so a broken
      // resolver can never turn them off silently.
      "import-x/no-unresolved": "error",
    },
  },
  {
    // Every text a user reads goes through i18next (src/i18n/): a literal in JSX, or in
    // an attribute that is read out (labels, titles, placeholders), fails the lint.
    files: ["src/**/*.tsx"],
    ignores: [...TEST_FILES, "src/testing/**"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            include: ["aria-label", "aria-description", "title", "placeholder", "alt", "label", "description"],
          },
        },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: { "import-x/no-restricted-paths": restrictedPaths(layerZones) },
  },
  {
    // Route modules export `Component`/`loader`/`handle` by react-router convention;
    // ui primitives export variants next to components (shadcn style); tests export nothing.
    files: [
      "src/app/routes/**/*.tsx",
      "src/components/ui/**/*.tsx",
      "src/testing/**/*.tsx",
      "**/*.test.tsx",
    ],
    rules: { "react-refresh/only-export-components": "off" },
  },
  {
    files: ["src/lib/zod.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["**/*.{js,mjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
