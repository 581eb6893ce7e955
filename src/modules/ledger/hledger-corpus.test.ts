// Measures, on demand, how many journals of a folder (hledger's own examples and tests, extracted
// from its repository) import with trial balances equal to `hledger bal --infer-equity`. Skipped
// unless HLEDGER_CORPUS names the folder; prints the figures. Not a fixture: nothing is copied.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import * as access from "../access/index.ts";
import * as ledger from "./index.ts";
import { differencesFromHledger, importedRows } from "./journal-oracle-support.ts";
import { readJournalFile } from "./journal-files.ts";
import { parseJournal } from "./journal-text/parse.ts";
import { hledgerAvailable } from "./journal-text/testkit.ts";

const corpus = process.env.HLEDGER_CORPUS;
const JOURNAL = /\.(journal|j|ledger|dat|hledger)$/;

function journalsUnder(dir: string): string[] {
  const out = execFileSync("find", [dir, "-type", "f"], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((f) => JOURNAL.test(f))
    .sort();
}

describe.runIf(corpus !== undefined && hledgerAvailable())("hledger's corpus", () => {
  let t: TestDb;
  let actor: Actor;
  beforeAll(async () => {
    t = await testDb();
    actor = systemActor((await access.createFirm(t.ctx.db, { slug: "corpus", name: "Corpus" })).id);
  });
  afterAll(async () => t?.close());

  it("imports the journals hledger reads, equal to hledger bal --infer-equity", async () => {
    const files = journalsUnder(corpus!).filter(
      (f) => spawnSync("hledger", ["-f", f, "bal"], { encoding: "utf8", timeout: 20_000 }).status === 0,
    );
    const failures: string[] = [];
    let equal = 0;
    for (const [i, file] of files.entries()) {
      const slug = `c${i}`;
      const name = path.relative(corpus!, file);
      try {
        await ledger.importJournalFile(t.ctx, actor, slug, file, { createClient: true });
        const source = readJournalFile(file);
        const journal = parseJournal(source.text, { ...source, rules: "skip", currentYear: 2026 });
        const diff = differencesFromHledger(
          await importedRows(t.ctx, actor, slug),
          file,
          journal.conversionAccount,
          journal.commodities,
        );
        if (diff.length === 0) equal++;
        else failures.push(`${name}: differs: ${diff.slice(0, 3).join("; ")}`);
      } catch (e) {
        failures.push(`${name}: refused: ${(e as Error).message.split("\n")[0]}`);
      }
    }
    console.log(
      `hledger corpus: ${files.length} journals hledger reads, ${equal} equal, ${failures.length} not\n` +
        failures.join("\n"),
    );
    expect(files.length).toBeGreaterThan(0);
  }, 600_000);
});
