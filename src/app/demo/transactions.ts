// The demo firm's bank feeds, brought in the way a real client's are: the year of history arrives
// as statement files (a CSV export of the checking account, a QIF file of the card), its lines are
// coded and marked reviewed in the Transaction Manager, the firm's categorizer is trained on those
// books, and then a few fresh weeks are imported and automated (AutoPush on checking, Manual Push
// on the card) — so the Transaction Manager opens with most lines posted and a few to review.
import { systemActor, type Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { addDays } from "../../platform/dates.ts";
import { AppError } from "../../platform/errors.ts";
import * as access from "../../modules/access/index.ts";
import * as banking from "../../modules/banking/index.ts";
import * as categorize from "../../modules/categorize/index.ts";
import * as ledger from "../../modules/ledger/index.ts";
import * as transactions from "../../modules/transactions/index.ts";
import type { DemoBankLine, DemoClient } from "./activity.ts";
import { csvStatement, FEEDS, qifStatement, type FeedLine } from "./statements.ts";

/** The day the fresh weeks start (three weeks ago): the history ends the day before. */
export const freshFrom = (today: string) => addDays(today, -21);

/**
 * Where the client's old books end and the Transaction Manager takes over (six weeks before the
 * fresh weeks): older statement lines are already in the books the firm took over (posted as
 * journal entries by seed.ts); the newer ones are coded and reviewed in the Transaction Manager.
 */
export const takeoverFrom = (today: string) => addDays(freshFrom(today), -42);

interface Pending {
  slug: string;
  bankAccountId: string;
  shortName: string;
  mode: "auto_push" | "manual_push";
  fresh: FeedLine[];
}

const MONEY = [
  ["bank", "1010", "checking", "auto_push"],
  ["credit_card", "2100", "card", "manual_push"],
] as const;

/**
 * Gives every demo client its bank and card accounts (once): the history when `history` is given
 * (a new demo firm), then the fresh weeks. Returns how many fresh lines were imported now.
 */
export async function seedDemoTransactions(
  ctx: Ctx,
  firmId: string,
  history: readonly DemoClient[] = [],
): Promise<number> {
  const actor = systemActor(firmId);
  const from = freshFrom(ctx.clock.today());
  const pending: Pending[] = [];
  for (const [slug, feed] of Object.entries(FEEDS)) {
    const { bankAccounts } = await banking.bankOverview(ctx, actor, slug).catch((error: unknown) => {
      if (error instanceof AppError && error.kind === "not-found")
        return { bankAccounts: [] as banking.BankAccountView[] };
      throw error;
    });
    const books = history.find((h) => h.slug === slug);
    for (const [kind, ledgerNumber, key, mode] of MONEY) {
      const fresh = feed[key];
      const past = books?.bankLines.filter((l) => l.bank === ledgerNumber) ?? [];
      if (fresh.length === 0 && past.length === 0) continue;
      let account = bankAccounts.find((a) => a.ledgerAccount.number === ledgerNumber);
      if (account && account.lineCount > 0) continue;
      account ??= await banking.createBankAccount(ctx, actor, slug, {
        name: kind === "bank" ? "Operating Checking" : "Business Card",
        shortName: kind === "bank" ? "checking" : "card",
        kind,
        ledgerAccountId: ledgerNumber,
        institutionName: "Summit Bank",
        mask: kind === "bank" ? "4821" : "7730",
      });
      if (past.length > 0)
        await bringInHistory(ctx, actor, slug, account, past, takeoverFrom(ctx.clock.today()));
      pending.push({ slug, bankAccountId: account.id, shortName: account.shortName, mode, fresh });
    }
  }
  if (pending.length === 0) return 0;
  // The bot learns the year of books first, so the new lines arrive to a trained categorizer.
  await categorize.trainFirm(ctx, actor, transactions.trainingHistory).catch((error: unknown) => {
    if (!(error instanceof AppError)) throw error;
  });
  let imported = 0;
  for (const p of pending) {
    await transactions.setAutomation(ctx, actor, p.slug, p.shortName, {
      mode: p.mode,
      startDate: takeoverFrom(ctx.clock.today()),
    });
    if (p.fresh.length === 0) continue;
    const lines = p.fresh.map((l) => ({ date: addDays(from, l.day), text: l.text, amount: BigInt(l.cents) }));
    imported += await importAndProcess(ctx, actor, p.slug, p.shortName, {
      bytes: csvStatement(lines),
      fileName: `${p.shortName}-recent.csv`,
    });
  }
  return imported;
}

/** Imports a file and turns its lines into transactions now (the queued job then finds them done). */
async function importAndProcess(
  ctx: Ctx,
  actor: Actor,
  slug: string,
  shortName: string,
  file: { bytes: Uint8Array; fileName: string },
): Promise<number> {
  const summary = await banking.importStatementFile(ctx, actor, slug, shortName, { ...file, source: "cli" });
  await transactions.processImport(ctx, {
    firmId: actor.firmId,
    clientId: (await access.requireClient(ctx.db, actor, slug)).id,
    bankAccountId: summary.bankAccount.id,
    importId: summary.importId,
    newLines: summary.newLines,
  });
  return summary.newLines;
}

/**
 * The history before the feed: its statement file is imported under Manual Push starting at the
 * takeover (older lines are excluded: the old books have them), then a bookkeeper's coding is
 * applied merchant by merchant to the weeks since and each line marked reviewed — which posts it
 * and teaches the bot's memory, as onboarding a client does.
 */
async function bringInHistory(
  ctx: Ctx,
  actor: Actor,
  slug: string,
  account: banking.BankAccountView,
  past: readonly DemoBankLine[],
  takeover: string,
): Promise<void> {
  await transactions.setAutomation(ctx, actor, slug, account.shortName, {
    mode: "manual_push",
    startDate: takeover,
  });
  const card = account.kind === "credit_card";
  await importAndProcess(ctx, actor, slug, account.shortName, {
    bytes: card ? qifStatement(past) : csvStatement(past),
    fileName: card ? "card-history.qif" : "checking-history.csv",
  });
  const [chart, contacts] = await Promise.all([
    ledger.listAccounts(ctx, actor, slug),
    ledger.listContacts(ctx, actor, slug),
  ]);
  const accountId = new Map(chart.map((a) => [a.number, a.id]));
  const contactId = new Map(contacts.map((c) => [c.name, c.id]));
  const codingOf = new Map(past.map((l) => [l.text, l]));
  const byText = new Map<string, string[]>();
  for (let offset = 0; ; offset += transactions.MAX_BULK) {
    const page = await transactions.listTransactions(ctx, actor, slug, {
      tab: "needs_review",
      bankAccountId: account.id,
      limit: transactions.MAX_BULK,
      offset,
    });
    for (const t of page.transactions)
      byText.set(t.description, [...(byText.get(t.description) ?? []), t.id]);
    if (page.transactions.length < transactions.MAX_BULK) break;
  }
  const all: string[] = [];
  for (const [text, ids] of byText) {
    const line = codingOf.get(text);
    if (!line) continue;
    for (let i = 0; i < ids.length; i += transactions.MAX_BULK)
      await transactions.bulkEdit(ctx, actor, slug, ids.slice(i, i + transactions.MAX_BULK), {
        accountId: accountId.get(line.account)!,
        contactId: contactId.get(line.contact) ?? null,
      });
    all.push(...ids);
  }
  for (let i = 0; i < all.length; i += transactions.MAX_BULK)
    await transactions.reviewTransactions(ctx, actor, slug, all.slice(i, i + transactions.MAX_BULK));
}
