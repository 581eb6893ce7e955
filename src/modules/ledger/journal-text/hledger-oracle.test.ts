// hledger 1.25 as the oracle, on the example journals in shared/data/journals (used by path, never
// copied): we accept exactly the files hledger accepts, our trial balance equals `hledger bal`
// (with and without --infer-equity), and our export of each reads back in hledger identically.
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import { normalizeDec } from "./decimal.ts";
import { exportInputFromParsed } from "./export-input.ts";
import { exportJournal } from "./export.ts";
import { parseJournal } from "./parse.ts";
import {
  compareBalances,
  hledgerAccepts,
  hledgerAvailable,
  hledgerBalance,
  JOURNALS_DIR,
  journalPath,
  journalsAvailable,
  withJournals,
  ledgerAvailable,
  runHledger,
  runLedger,
} from "./testkit.ts";
import { trialBalanceOf } from "./trial-balance.ts";
import type { TrialBalanceRow } from "./types.ts";

const files = journalsAvailable
  ? readdirSync(JOURNALS_DIR).filter((f) => /\.(journal|ledger|dat)$/.test(f))
  : [];

/** What hledger 1.25 does with each file, and why (checked by the tests below when hledger is installed). */
const EXPECTED: Record<string, { accepted: true } | { accepted: false; ours: string; line: number }> = {
  "hledger__1ktxns-100accts.journal": { accepted: true },
  "hledger__bcexample.journal": { accepted: true },
  "hledger__dnd.ledger": { accepted: false, ours: "journal/include-not-supported", line: 1 },
  "hledger__multicurrency.journal": { accepted: true },
  "hledger__sample.journal": { accepted: true },
  "hledger__vat.journal": { accepted: true },
  "ledger__demo.ledger": { accepted: true },
  // Has an automated (=) and a periodic (~) transaction: hledger bal ignores them, we refuse them
  // unless asked to skip them (then we match hledger).
  "ledger__drewr.dat": { accepted: true },
  "ledger__drewr3.dat": { accepted: false, ours: "journal/unsupported-directive", line: 57 }, // apply tag
  "ledger__sample.dat": { accepted: false, ours: "journal/unsupported-directive", line: 36 }, // apply tag
  "ledger__standard.dat": { accepted: true },
  "ledger__transfer.dat": { accepted: true },
  "ledger__wow.dat": { accepted: false, ours: "journal/malformed-amount", line: 540 }, // (9G * 6)
};

/** Rows with trailing zero decimals dropped, so 652 and 652.00 compare equal. */
const byValue = (rows: TrialBalanceRow[]) => rows.map((r) => ({ ...r, ...normalizeDec(r) }));
const read = (f: string) => readFileSync(journalPath(f), "utf8");
const parse = (f: string) => parseJournal(read(f), { fileName: f, rules: "skip" });
const accepted = files.filter((f) => EXPECTED[f]?.accepted);

withJournals.describe("example journals", () => {
  it("are all known to this test", () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)("%s: we accept or refuse it as expected", (f) => {
    const expected = EXPECTED[f]!;
    if (expected.accepted) {
      expect(parse(f).entries.length).toBeGreaterThan(0);
      return;
    }
    let error: unknown;
    try {
      parse(f);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: expected.ours, line: expected.line });
  });

  it("ledger__drewr.dat is refused by default for its rules, naming the first one", () => {
    expect(() => parseJournal(read("ledger__drewr.dat"))).toThrow(
      expect.objectContaining({ code: "journal/automated-transaction", line: 3 }),
    );
  });
});

withJournals.describe("example journals against hledger 1.25", { skip: !hledgerAvailable() }, () => {
  it.each(files)("%s: hledger accepts it exactly when we expect", (f) => {
    expect(hledgerAccepts(journalPath(f))).toBe(EXPECTED[f]!.accepted);
  });

  it.each(accepted)("%s: our trial balance equals hledger bal, with and without --infer-equity", (f) => {
    const journal = parse(f);
    for (const inferEquity of [false, true]) {
      const theirs = hledgerBalance(journalPath(f), inferEquity ? ["--infer-equity"] : []);
      const ours = trialBalanceOf(journal, { inferEquity });
      expect(theirs.length).toBeGreaterThan(0);
      expect(compareBalances(ours, theirs, journal.commodities)).toEqual([]);
    }
  });

  it.each(accepted)("%s: hledger shows our export exactly as the original", (f) => {
    const exported = exportJournal(exportInputFromParsed(parse(f)));
    for (const args of [["bal"], ["bal", "--infer-equity"]]) {
      expect(runHledger("-", args, exported)).toBe(runHledger(journalPath(f), args));
    }
    // and we read our own export back to the same trial balance
    expect(byValue(trialBalanceOf(parseJournal(exported)))).toEqual(byValue(trialBalanceOf(parse(f))));
  });
});

withJournals.describe("our exports in ledger 3", { skip: !ledgerAvailable() }, () => {
  it.each(accepted)("%s: ledger reads the export without complaint", (f) => {
    const exported = exportJournal(exportInputFromParsed(parse(f)));
    expect(runLedger(["bal"], exported)).toEqual({ status: 0, stderr: "" });
  });
});
