// The demo's bank reconciliations, made through the reconcile services as a bookkeeper would: the
// coffee shop's checking and card accounts reconciled for the three months before last month, and
// last month left for a person — checking not started (it holds a deposit the books recorded as two
// customer receipts, and a bank charge nobody has entered yet), the card started with a difference
// (a charge still waiting in the Transaction Manager).
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { addDays, endOfMonth } from "../../platform/dates.ts";
import { formatMinor } from "../../platform/money.ts";
import * as access from "../../modules/access/index.ts";
import * as banking from "../../modules/banking/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import * as reconcile from "../../modules/reconcile/index.ts";
import * as transactions from "../../modules/transactions/index.ts";
import { csvStatement } from "./statements.ts";

export const DEMO_RECONCILED_CLIENT = "bluebird-coffee";
/** Reconciled months before last month. */
const RECONCILED_MONTHS = 3;

/** The first day of the month `back` months before `date`'s. */
export function monthStart(date: string, back: number): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/**
 * The split deposit and the missing entry of last month (amounts in cents; the day of the month).
 * Early in the month, so they fall before the fresh weeks whatever today is (the fresh weeks start
 * 21 days ago, never before last month's 10th).
 */
export const LAST_MONTH_EXTRAS = {
  deposit: { day: 6, text: "MOBILE DEPOSIT CATERING ORDERS", cents: 124_000 },
  receipts: [
    { text: "Catering order 1041, Lakeside Events (cheque)", cents: 76_000 },
    { text: "Catering order 1042, Pine Street Bakery (cheque)", cents: 48_000 },
  ],
  charge: { day: 8, text: "SUMMIT BANK SERVICE CHARGE", cents: -2_500 },
  card: { day: 9, text: "AMZN MKTP US*7Q2M41 AMZN.COM/BILL", cents: -3_649 },
} as const;

const NOTES: Record<string, string> = {
  [LAST_MONTH_EXTRAS.deposit.text]: "Two cheques: already booked as receipts 1041 and 1042",
  [LAST_MONTH_EXTRAS.charge.text]: "Extra fee this month: ask the bank what it is for",
  [LAST_MONTH_EXTRAS.card.text]: "Waiting for the receipt",
};

/**
 * Seeds the reconciliations once (a firm that has any keeps them). `actor` is the person the demo
 * shows as having reconciled (the demo's Partner Admin).
 */
export async function seedDemoReconciliations(ctx: Ctx, actor: Actor): Promise<void> {
  const slug = DEMO_RECONCILED_CLIENT;
  const listed = await reconcile.listReconciliations(ctx, actor, slug).catch(() => null);
  if (!listed || listed.some((a) => a.reconciliations.length > 0)) return;
  const checking = listed.find((a) => a.bankAccount.shortName === "checking");
  const card = listed.find((a) => a.bankAccount.shortName === "card");
  if (!checking || !card) return;
  const today = ctx.clock.today();
  const last = monthStart(today, 1);
  await lastMonthExtras(ctx, actor, slug, last, checking.bankAccount.id, card.bankAccount.id);
  for (const account of [checking, card]) {
    // The bank's balance before the first reconciled month: the books' opening balance of the
    // account (the demo's books and bank agree up to then) is where the statements start.
    const first = monthStart(today, 1 + RECONCILED_MONTHS);
    let opening = await bankBalanceBefore(ctx, actor, slug, account.ledgerAccount.id, first);
    for (let back = RECONCILED_MONTHS + 1; back >= 1; back--) {
      const from = monthStart(today, back);
      const to = endOfMonth(from);
      const lines = await banking.listBankLines(ctx, actor, slug, {
        bankAccountRef: account.bankAccount.id,
        from,
        to,
        limit: 5_000,
        offset: 0,
      });
      const closing = opening + lines.lines.reduce((sum, l) => sum + l.amount, 0n);
      const lastMonth = back === 1;
      if (lastMonth && account === checking) break; // left for a person (the browser test does it)
      const started = await reconcile.startReconciliation(ctx, actor, slug, {
        bankAccount: account.bankAccount.id,
        from,
        to,
        opening: formatMinor(opening, 2),
        closing: formatMinor(closing, 2),
      });
      if (!lastMonth) {
        await reconcile.acceptProposed(ctx, actor, slug, started.state.row.id);
        await reconcile.completeReconciliation(ctx, actor, slug, started.state.row.id);
      }
      opening = closing;
    }
  }
}

/** The account's balance in the books at the end of the day before `date` (from its register). */
async function bankBalanceBefore(
  ctx: Ctx,
  actor: Actor,
  slug: string,
  ledgerAccountId: string,
  date: string,
): Promise<bigint> {
  const register = await ledger.accountRegister(ctx, actor, slug, ledgerAccountId, {
    from: date,
    to: date,
    limit: 1,
    offset: 0,
  });
  return register.opening.find((o) => o.currency === "USD")?.balance ?? 0n;
}

/**
 * Last month's lines that make its reconciliation a real one: on checking, a deposit of two cheques
 * the books recorded as two customer receipts (one statement line, two ledger lines) and a bank
 * charge not yet in the books; on the card, a charge still waiting for review. They arrive under
 * Manual Push, so the bot predicts their coding without posting it.
 */
async function lastMonthExtras(
  ctx: Ctx,
  actor: Actor,
  slug: string,
  monthFrom: string,
  checkingId: string,
  cardId: string,
): Promise<void> {
  const x = LAST_MONTH_EXTRAS;
  const day = (d: number) => addDays(monthFrom, d - 1);
  const accounts = new Map((await ledger.listAccounts(ctx, actor, slug)).map((a) => [a.number, a.id]));
  for (const r of x.receipts)
    await ledger.postEntry(ctx, actor, slug, {
      date: day(x.deposit.day - 1),
      description: r.text,
      lines: [
        { accountId: accounts.get("1010")!, amount: BigInt(r.cents), currency: "USD" },
        { accountId: accounts.get("4000")!, amount: -BigInt(r.cents), currency: "USD" },
      ],
    });
  const client = await access.requireClient(ctx.db, actor, slug);
  for (const [id, lines] of [
    [
      checkingId,
      [
        { date: day(x.deposit.day), text: x.deposit.text, amount: BigInt(x.deposit.cents) },
        { date: day(x.charge.day), text: x.charge.text, amount: BigInt(x.charge.cents) },
      ],
    ],
    [cardId, [{ date: day(x.card.day), text: x.card.text, amount: BigInt(x.card.cents) }]],
  ] as const) {
    const before = await transactions.getAutomation(ctx, actor, slug, id);
    await transactions.setAutomation(ctx, actor, slug, id, {
      mode: "manual_push",
      startDate: before.startDate,
    });
    const summary = await banking.importStatementFile(ctx, actor, slug, id, {
      bytes: csvStatement(lines),
      fileName: `statement-additions-${monthFrom.slice(0, 7)}.csv`,
      source: "cli",
    });
    await transactions.processImport(ctx, {
      firmId: actor.firmId,
      clientId: client.id,
      bankAccountId: id,
      importId: summary.importId,
      newLines: summary.newLines,
    });
    // A note from the bookkeeper on each: an edited line is left alone when the account's mode is
    // put back (untouched lines would be re-decided, and AutoPush would post them).
    const waiting = await transactions.listTransactions(ctx, actor, slug, {
      tab: "needs_review",
      bankAccountId: id,
      from: lines[0]!.date,
      to: lines[lines.length - 1]!.date,
      limit: 100,
      offset: 0,
    });
    for (const t of waiting.transactions) {
      const memo = NOTES[t.description];
      if (memo) await transactions.editTransaction(ctx, actor, slug, t.id, { memo });
    }
    await transactions.setAutomation(ctx, actor, slug, id, {
      mode: before.mode,
      startDate: before.startDate,
    });
  }
}
