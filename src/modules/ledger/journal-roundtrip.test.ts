// Plain-text journals through the database: every journal in the shared test data that hledger
// accepts is imported, its trial balance compared with `hledger bal --infer-equity`, exported,
// re-imported into another client with an identical trial balance, and the export read by hledger
// with the same balances as the original file.
import { afterAll, beforeAll, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import * as access from "../access/index.ts";
import * as ledger from "./index.ts";
import { parseJournal } from "./journal-text/parse.ts";
import { decFromString, decToString, roundHalfEven } from "./journal-text/decimal.ts";
import {
  compareBalances,
  hledgerAccepts,
  hledgerAvailable,
  hledgerBalance,
  JOURNALS_DIR,
  journalsAvailable,
  withJournals,
} from "./journal-text/testkit.ts";

let t: TestDb;
let actor: Actor;

beforeAll(async () => {
  t = await testDb();
  const firm = await access.createFirm(t.ctx.db, { slug: "journals", name: "Journals" });
  actor = systemActor(firm.id);
});
afterAll(async () => t?.close());

const files = journalsAvailable
  ? fs
      .readdirSync(JOURNALS_DIR)
      .filter((f) => !f.startsWith("SOURCES"))
      .sort()
  : [];
const accepted = files.filter((f) => !hledgerAvailable() || hledgerAccepts(path.join(JOURNALS_DIR, f)));

async function importInto(slug: string, text: string, fileName: string) {
  await access.createClient(t.ctx.db, actor, { slug, name: slug });
  return ledger.importJournal(t.ctx, actor, slug, text, { fileName });
}

function scaleOf(rows: ReadonlyArray<{ commodity: string; scale: number }>, commodity: string): number {
  return rows.find((r) => r.commodity === commodity)?.scale ?? 99;
}

function atMostScale<T extends { number: string }>(row: T, scale: number): T {
  const d = decFromString(row.number)!;
  if (d.scale <= scale) return row;
  const r = roundHalfEven(d, scale);
  return { ...row, number: decToString(r.quantity, r.scale) };
}

async function rowsOf(slug: string) {
  const tb = await ledger.trialBalance(t.ctx, actor, slug, "9999-12-31");
  return tb.rows.map((r) => ({
    account: r.account,
    commodity: r.currency,
    quantity: r.balance,
    scale: tb.scales.get(r.currency)!,
  }));
}

withJournals.describe("plain-text journal round trip", () => {
  it("finds the journals hledger accepts", () => {
    expect(accepted.length).toBeGreaterThanOrEqual(hledgerAvailable() ? 8 : 1);
  });

  it.each(accepted.map((f, i) => [f, i] as const))(
    "%s: imports, matches hledger, exports and re-imports identically",
    async (file, i) => {
      const text = fs.readFileSync(path.join(JOURNALS_DIR, file), "utf8");
      const result = await importInto(`j${i}-a`, text, file);
      expect(result.entries).toBe(parseJournal(text, { rules: "skip" }).entries.length);
      const ours = await rowsOf(`j${i}-a`);
      for (const totals of (await ledger.trialBalance(t.ctx, actor, `j${i}-a`, "9999-12-31")).totals)
        expect(totals.debit).toBe(totals.credit);

      const exported = await ledger.exportClientJournal(t.ctx, actor, `j${i}-a`);
      await importInto(`j${i}-b`, exported, `${file}.exported`);
      expect(await rowsOf(`j${i}-b`)).toEqual(ours);

      if (hledgerAvailable()) {
        const journal = parseJournal(text, { rules: "skip" });
        // Rows we add that hledger has no word for: virtual counterparts and cost rounding.
        const generated = (a: string) =>
          a === ledger.VIRTUAL_COUNTERPART_ACCOUNT || a === `${journal.conversionAccount}:rounding`;
        // hledger shows a cost from a very long unit price with all its decimals; we keep at most
        // our currency's scale (see commodityScales), so compare those at our scale.
        const theirs = hledgerBalance(path.join(JOURNALS_DIR, file), ["--infer-equity"]).map((r) =>
          atMostScale(r, scaleOf(ours, r.commodity)),
        );
        expect(
          compareBalances(
            ours.filter((r) => !generated(r.account)),
            theirs,
            journal.commodities,
          ),
        ).toEqual([]);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cb-export-"));
        fs.writeFileSync(path.join(dir, "export.journal"), exported);
        // Same balances; hledger lists accounts in declaration order, which an export may not keep.
        const sorted = (rows: ReturnType<typeof hledgerBalance>) =>
          [...rows].sort((a, b) => (a.account + a.commodity < b.account + b.commodity ? -1 : 1));
        expect(sorted(hledgerBalance(path.join(dir, "export.journal")))).toEqual(
          sorted(hledgerBalance(path.join(JOURNALS_DIR, file))),
        );
      }
    },
  );

  it("refuses a malformed journal, names the line, and writes nothing", async () => {
    await access.createClient(t.ctx.db, actor, { slug: "bad-journal", name: "Bad" });
    const text =
      "2024-01-01 ok\n  assets:cash  $10\n  income\n\n2024-01-02 bad\n  assets:cash  $1\n  income  $1\n";
    await expect(
      ledger.importJournal(t.ctx, actor, "bad-journal", text, { fileName: "bad.journal" }),
    ).rejects.toMatchObject({ line: 5 });
    expect((await ledger.trialBalance(t.ctx, actor, "bad-journal", "9999-12-31")).rows).toEqual([]);
    expect(await ledger.listAccounts(t.ctx, actor, "bad-journal", { includeInactive: true })).toEqual([]);
  });

  it("refuses a journal that posts into a locked month, naming the transaction's line", async () => {
    await access.createClient(t.ctx.db, actor, { slug: "locked-journal", name: "Locked" });
    await ledger.setPeriodLock(t.ctx, actor, "locked-journal", "2024-02", true);
    const text =
      "2024-01-01 ok\n  assets:cash  $10\n  income\n\n2024-02-02 locked\n  assets:cash  $1\n  income\n";
    const error = await ledger
      .importJournal(t.ctx, actor, "locked-journal", text, { fileName: "l.journal" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ledger/period-locked", line: 5 });
    expect((await ledger.trialBalance(t.ctx, actor, "locked-journal", "9999-12-31")).rows).toEqual([]);
  });

  it("refuses amounts with more decimals than an existing currency keeps", async () => {
    await access.createClient(t.ctx.db, actor, { slug: "decimals", name: "Decimals" });
    await ledger.importJournal(
      t.ctx,
      actor,
      "decimals",
      "2024-01-01 a\n  assets:cash  10.00 USD\n  income\n",
    );
    await expect(
      ledger.importJournal(t.ctx, actor, "decimals", "2024-01-02 b\n  assets:cash  1.005 USD\n  income\n"),
    ).rejects.toMatchObject({ code: "ledger/too-many-decimals" });
  });
});
