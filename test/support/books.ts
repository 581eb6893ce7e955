// Test helpers only: a bookkeeping client (default chart, a checking and a card account, the job
// handlers registered), a year of coded ledger history for its categorizer to learn from, and
// statement files of merchant lines to import.
import { inTransaction } from "../../src/platform/db.ts";
import type { Ctx } from "../../src/platform/context.ts";
import { systemActor } from "../../src/platform/actor.ts";
import { formatMinor } from "../../src/platform/money.ts";
import { registerWork, type WorkOptions } from "../../src/app/work.ts";
import * as access from "../../src/modules/access/index.ts";
import * as banking from "../../src/modules/banking/index.ts";
import * as categorize from "../../src/modules/categorize/index.ts";
import * as ledger from "../../src/modules/ledger/index.ts";
import { bankClient, csvOf, type BankFixture, type CsvLine } from "./bank-fixtures.ts";
import { addDays } from "../../src/platform/dates.ts";
import { makeRng } from "../../src/platform/rng.ts";
import { setAutomation } from "../../src/modules/transactions/index.ts";

/** Merchants the fixture client deals with: description stem, default-chart account number, usual amount (cents). */
export const MERCHANTS: ReadonlyArray<{ text: string; account: string; cents: number }> = [
  { text: "POS DEBIT SHELL OIL", account: "6100", cents: 4_500 },
  { text: "STAPLES STORE", account: "6400", cents: 3_200 },
  { text: "COMCAST CABLE", account: "6700", cents: 12_999 },
  { text: "ADOBE CREATIVE CLOUD", account: "6600", cents: 5_499 },
  { text: "HARBORVIEW PROPERTY RENT", account: "6500", cents: 250_000 },
  { text: "CITY POWER LIGHT", account: "6800", cents: 18_000 },
  { text: "CHIPOTLE ONLINE", account: "6350", cents: 1_850 },
  { text: "USPS POSTAGE", account: "6450", cents: 1_200 },
];

export interface BooksFixture extends BankFixture {
  ctx: Ctx;
}

export async function bookkeepingClient(
  ctx: Ctx,
  slug = "acme",
  firmSlug = "firm-a",
  work: WorkOptions = {},
): Promise<BooksFixture> {
  await registerWork(ctx, work);
  const c = await bankClient(ctx, slug, firmSlug);
  return { ...c, ctx };
}

/**
 * Posts `perMerchant` coded payments per merchant from the checking account, spread over the year
 * before `until` (ledger history the categorizer learns from).
 */
export async function postHistory(b: BooksFixture, until: string, perMerchant = 60): Promise<number> {
  const rand = makeRng(11);
  const entries: ledger.EntryInput[] = [];
  MERCHANTS.forEach((m, k) => {
    for (let i = 0; i < perMerchant; i++) {
      const amount = BigInt(Math.round(m.cents * (0.8 + 0.4 * rand())));
      entries.push({
        date: addDays(until, -360 + Math.floor((i * 355) / perMerchant) + k),
        description: `${m.text} #${1000 + Math.floor(rand() * 9000)}`,
        lines: [
          { accountId: b.account(m.account), amount, currency: "USD" },
          { accountId: b.account("1010"), amount: -amount, currency: "USD" },
        ],
      });
    }
  });
  // One-off vendors, as every real history has: they teach the calibration that a merchant never
  // seen before is a guess (without them, a perfectly regular history makes every guess look sure).
  const words = [
    "NORTH",
    "BLUE",
    "ACORN",
    "SUMMIT",
    "RIVER",
    "OAK",
    "PIXEL",
    "BRIGHT",
    "STONE",
    "MAPLE",
    "DELTA",
    "CEDAR",
  ];
  const kinds = ["SUPPLY", "SERVICES", "TRADING", "WORKS", "STUDIO", "MARKET"];
  const targets = ["6400", "6600", "6350", "6150", "6550", "5100"];
  for (let i = 0; i < perMerchant * 2; i++) {
    const amount = BigInt(1_000 + Math.floor(rand() * 20_000));
    entries.push({
      date: addDays(until, -360 + Math.floor((i * 355) / (perMerchant * 2))),
      description: `${words[Math.floor(rand() * words.length)]} ${words[Math.floor(rand() * words.length)]} ${kinds[Math.floor(rand() * kinds.length)]} ${i}`,
      lines: [
        { accountId: b.account(targets[Math.floor(rand() * targets.length)]!), amount, currency: "USD" },
        { accountId: b.account("1010"), amount: -amount, currency: "USD" },
      ],
    });
  }
  await inTransaction(b.ctx.db, (tx) =>
    ledger.postEntries(tx, b.actor, { firmId: b.firmId, clientId: b.clientId }, entries, "import"),
  );
  return entries.length;
}

/**
 * Client settings for tests about what happens to a confident prediction: band limits below the
 * defaults (high from 90%, medium from 60%). How sure the engine gets on a small synthetic history
 * is calibrate.ts's business, and its careful calibration may stop just short of 98%.
 */
export const TEST_BANDS = { high: "90", medium: "60" };

/** Posts the fixture's history, trains the firm on it and sets the test band limits. */
export async function learnHistory(
  b: BooksFixture,
  until: string,
  perMerchant = 80,
): Promise<categorize.TrainingReport> {
  await postHistory(b, until, perMerchant);
  const { trainingHistory } = await import("../../src/modules/transactions/index.ts");
  const report = await categorize.trainFirm(b.ctx, b.actor, trainingHistory);
  await categorize.updateSettings(b.ctx, b.actor, b.slug, { bands: TEST_BANDS });
  return report;
}

/** Lines of the fixture's merchants (money out), one per merchant per day from `from`. */
export function merchantLines(
  from: string,
  days: number,
  options: { seed?: number; extra?: CsvLine[] } = {},
): CsvLine[] {
  const rand = makeRng(options.seed ?? 5);
  const lines: CsvLine[] = [];
  for (let d = 0; d < days; d++) {
    for (const m of MERCHANTS) {
      const cents = Math.round(m.cents * (0.8 + 0.4 * rand()));
      lines.push({
        date: addDays(from, d),
        description: `${m.text} #${1000 + Math.floor(rand() * 9000)}`,
        amount: formatMinor(-BigInt(cents), 2),
      });
    }
  }
  return [...lines, ...(options.extra ?? [])];
}

/** Imports lines as a CSV statement into a bank account and runs the jobs it queued. */
export async function importLines(
  b: BooksFixture,
  lines: readonly CsvLine[],
  account = "checking",
  name = "statement.csv",
): Promise<banking.ImportSummary> {
  const summary = await banking.importStatementFile(b.ctx, b.actor, b.slug, account, {
    bytes: csvOf(lines),
    fileName: name,
    source: "upload",
  });
  await b.ctx.jobs.drain();
  return summary;
}

/**
 * A bookkeeping client whose ledger keeps `currency` at `scale` decimals, as a journal import does
 * (its opening entry writes that many), with the few accounts automation needs (1010 checking,
 * 2100 card, the uncategorized expense and income accounts) and a checking account ("checking")
 * in that currency under AutoPush: every imported line is posted.
 */
export async function clientAtScale(
  ctx: Ctx,
  slug: string,
  currency: string,
  scale: number,
  firmSlug = "firm-a",
): Promise<BooksFixture> {
  await registerWork(ctx, {});
  const firm =
    (await access.firmBySlug(ctx.db, firmSlug)) ??
    (await access.createFirm(ctx.db, { slug: firmSlug, name: `Firm ${firmSlug}` }));
  const actor = systemActor(firm.id);
  const client = await access.createClient(ctx.db, actor, { slug, name: `Client ${slug}` });
  const one = scale === 0 ? "1" : `1.${"0".repeat(scale)}`;
  await ledger.importJournal(
    ctx,
    actor,
    slug,
    `2026-01-01 Opening balance\n    Assets:Cash  ${one} ${currency}\n    Equity:Opening  -${one} ${currency}\n`,
  );
  const accounts: ledger.AccountInput[] = [
    { number: "1010", name: "Operating Checking", type: "asset", detailType: "bank" },
    { number: "2100", name: "Business Credit Card", type: "liability", detailType: "credit_card" },
    { number: "6990", name: "Uncategorized Expense", type: "expense" },
    { number: "7990", name: "Uncategorized Income", type: "income" },
  ];
  const byNumber = new Map<string, string>();
  for (const a of accounts) byNumber.set(a.number!, (await ledger.createAccount(ctx, actor, slug, a)).id);
  const account = (n: string) => byNumber.get(n) ?? fail(`no account ${n} in this client's chart`);
  const bank = (shortName: string, kind: string, ledgerAccountId: string) =>
    banking.createBankAccount(ctx, actor, slug, {
      name: shortName,
      shortName,
      kind,
      ledgerAccountId,
      currency,
    });
  const checking = await bank("checking", "bank", account("1010"));
  const card = await bank("card", "credit_card", account("2100"));
  await setAutomation(ctx, actor, slug, "checking", { mode: "auto_push", startDate: null });
  return { actor, firmId: firm.id, clientId: client.id, slug, account, checking, card, ctx };
}

function fail(message: string): never {
  throw new Error(message);
}
