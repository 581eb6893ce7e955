// The house's import rules (scripts/eslint/house-rules.js) as the repository's own eslint.config.js
// wires them: snippets placed at paths in the tree, linted by the ESLint API, must be refused or let
// through by the rule the README's architecture section describes.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The house rules' messages for `code` placed at `file` (a path in the repository, which need not exist). */
async function houseErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages
    .filter((m) => m.ruleId?.startsWith("house/"))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe("module-boundaries", () => {
  it("refuses another module's internals, from a module, a sub-folder, the app, the CLI, bench and tests", async () => {
    const cases: Array<[string, string]> = [
      ["src/modules/transactions/x.ts", `import { ledgerRoutes } from "../ledger/routes.ts";`],
      ["src/modules/banking/providers/x.ts", `import type { EntryInput } from "../../ledger/model.ts";`],
      ["src/app/x.ts", `export { accessRoutes } from "../modules/access/routes.ts";`],
      ["src/cli/commands/x.ts", `const m = await import("../../modules/categorize/services.ts");`],
      ["bench/x.ts", `import { train } from "../src/modules/categorize/engine/train.ts";`],
      ["test/x.test.ts", `import { importFile } from "../src/modules/banking/import-test-support.ts";`],
    ];
    for (const [file, code] of cases) {
      const errors = await houseErrors(file, code);
      expect(errors, `${file}: ${code}`).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^house\/module-boundaries: .* is inside module '\w+': import it from src\/modules\/\w+\/index\.ts/,
      );
    }
  });

  it("lets through a module's index.ts, its pure engine faces and imports inside one module", async () => {
    const cases: Array<[string, string]> = [
      ["src/modules/transactions/x.ts", `import * as ledger from "../ledger/index.ts";`],
      ["src/app/x.ts", `export { bankingRoutes } from "../modules/banking/index.ts";`],
      [
        "src/cli/commands/x.ts",
        `import { parseStatementFile } from "../../modules/banking/formats/index.ts";`,
      ],
      ["bench/x.ts", `import { train } from "../src/modules/categorize/engine/index.ts";`],
      ["src/modules/banking/x.ts", `import { parseStatementFile } from "./formats/csv.ts";`],
      ["src/modules/banking/providers/x.ts", `import type { BankAccountView } from "../account-service.ts";`],
      ["test/x.test.ts", `import { testDb } from "./support/db.ts";`],
    ];
    for (const [file, code] of cases) expect(await houseErrors(file, code), `${file}: ${code}`).toEqual([]);
  });
});

describe("export lists", () => {
  it("refuses export * in a module", async () => {
    const [result] = await eslint.lintText(`export * from "./model.ts";`, {
      filePath: path.join(ROOT, "src/modules/ledger/index.ts"),
    });
    expect(result!.messages.map((m) => m.message)).toContain("List the exported names (no `export *`).");
  });
});

describe("pure-folder", () => {
  it("refuses the module's stores and services, platform I/O and I/O packages in an engine", async () => {
    const cases: Array<[string, string]> = [
      ["src/modules/categorize/engine/x.ts", `import { loadMemory } from "../model-store.ts";`],
      ["src/modules/categorize/engine/x.ts", `import type { Ctx } from "../../../platform/context.ts";`],
      ["src/modules/categorize/engine/x.ts", `import { inTransaction } from "../../../platform/db.ts";`],
      ["src/modules/categorize/engine/x.ts", `import * as ledger from "../../ledger/index.ts";`],
      ["src/modules/categorize/engine/x.ts", `import { sql } from "kysely";`],
      ["src/modules/ledger/journal-text/x.ts", `import { readFileSync } from "node:fs";`],
    ];
    for (const [file, code] of cases) {
      const errors = (await houseErrors(file, code)).filter((e) => e.startsWith("house/pure-folder"));
      expect(errors, `${file}: ${code}`).toHaveLength(1);
    }
  });

  it("lets an engine use its own files and the pure platform helpers, and its tests read files", async () => {
    const cases: Array<[string, string]> = [
      ["src/modules/categorize/engine/x.ts", `import { features } from "./features.ts";`],
      ["src/modules/categorize/engine/x.ts", `import { AppError } from "../../../platform/errors.ts";`],
      ["src/modules/categorize/engine/x.ts", `import { makeRng } from "../../../platform/rng.ts";`],
      ["src/modules/categorize/engine/x.ts", `import { gzipSync } from "node:zlib";`],
      ["src/modules/categorize/engine/x.test.ts", `import { readFileSync } from "node:fs";`],
    ];
    for (const [file, code] of cases) expect(await houseErrors(file, code), `${file}: ${code}`).toEqual([]);
  });
});
