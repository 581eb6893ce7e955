// Lint rules: typescript-eslint's recommended set, the rules of React hooks in web/, plus the house
// rules on imports: platform/ knows no module; a module is used from outside only through its public
// face, which lists its names (no `export *`); a pure engine folder does no I/O (the face and purity
// rules are in scripts/eslint/house-rules.js; all are tested by test/lint-house-rules.test.ts); app/ (the composition) knows no CLI.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import { houseRules } from "./scripts/eslint/house-rules.js";

// A module's public face is its index.ts. Its pure engine folders have their own index.ts, a second
// face for callers that want the engine without the module's database, HTTP and jobs code: loading
// banking/index.ts costs a quick CLI command ~0.5 s (0.65 s against 0.14 s for formats/index.ts,
// measured on a bundle of each), so `closebook parse`, `closebook eval` and the benchmarks use these.
// The composition root (src/app) is no exception: each module's index.ts exports its routes
// registration (`ledgerRoutes`, `bankingRoutes`, ...), which app/server.ts imports from there.
// The portal (web/) is not checked: it takes only types (`import type`, erased from its bundle) from
// the modules' schema and route files, the API contract it is typed by.
const PURE_FOLDERS = [
  "src/modules/banking/formats",
  "src/modules/ledger/journal-text",
  "src/modules/categorize/engine",
  "src/modules/reconcile/matching",
];
const PUBLIC_FACES = [
  "banking/formats/index.ts",
  "ledger/journal-text/index.ts",
  "categorize/engine/index.ts",
  "reconcile/matching/index.ts",
];
// What an engine may use from platform/: value-in, value-out helpers with no I/O.
const PURE_PLATFORM = [
  "src/platform/dates.ts",
  "src/platform/errors.ts",
  "src/platform/money.ts",
  "src/platform/rng.ts",
  "src/platform/text-limits.ts",
];
// Packages that reach a database, the network, jobs, processes or files.
const IO_PACKAGES = [
  "kysely",
  "pg",
  "pg-boss",
  "@electric-sql/pglite",
  "fastify",
  "@fastify/multipart",
  "nodemailer",
  "node:fs",
  "node:fs/promises",
  "fs",
  "node:child_process",
  "node:net",
  "node:http",
  "node:https",
];

export default tseslint.config(
  { ignores: ["node_modules/**", "web/dist/**", "dist/**", "test-results/**", ".data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The web portal: the rules of hooks.
  { files: ["web/src/**/*.{ts,tsx}"], ...reactHooks.configs.flat.recommended },
  {
    files: ["src/platform/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/modules/**"] }],
    },
  },
  // Tests too: shared test set-up lives in test/support/ and uses modules through their faces.
  {
    files: ["src/**/*.ts", "bench/**/*.ts", "test/**/*.ts", "scripts/**/*.{js,mjs,ts}"],
    plugins: { house: houseRules },
    rules: { "house/module-boundaries": ["error", { publicFaces: PUBLIC_FACES }] },
  },
  // A public face lists its names: `export *` would hand out whatever a file exports next.
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ExportAllDeclaration", message: "List the exported names (no `export *`)." },
      ],
    },
  },
  {
    files: PURE_FOLDERS.map((folder) => `${folder}/**/*.ts`),
    // Test files and test helpers read sample files and run oracles; the engine itself may not.
    ignores: ["**/*.test.ts", "**/testkit.ts", "**/*-test-support.ts"],
    plugins: { house: houseRules },
    rules: {
      "house/pure-folder": ["error", { folders: PURE_FOLDERS, allow: PURE_PLATFORM, forbid: IO_PACKAGES }],
    },
  },
  // The CLI composes the app (serve, start, commands), never the other way round.
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/cli/**"] }],
    },
  },
);
