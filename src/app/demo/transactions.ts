// The demo firm's bank feeds: each demo client gets its bank (and card) account, the firm's
// categorizer is trained on the year of books, and a few weeks of fresh statement lines are
// imported and automated (AutoPush on checking, Manual Push on the card) — so the Transaction
// Manager opens with predictions, some posted, some waiting for review. Safe to run again.
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { addDays } from "../../platform/dates.ts";
import { AppError } from "../../platform/errors.ts";
import { formatMinor } from "../../platform/money.ts";
import * as access from "../../modules/access/index.ts";
import * as banking from "../../modules/banking/index.ts";
import * as categorize from "../../modules/categorize/index.ts";
import * as transactions from "../../modules/transactions/index.ts";

interface FeedLine {
  day: number;
  text: string;
  cents: number;
}

/** What each demo client's bank shows in the weeks after its books end (amounts in cents, out negative). */
const FEEDS: Record<string, { checking: FeedLine[]; card: FeedLine[] }> = {
  "bluebird-coffee": {
    checking: [
      { day: 1, text: "ACH HARBORVIEW PROPERTY MANAGEMENT MONTHLY RENT", cents: -650_000 },
      { day: 2, text: "LAKESIDE CARD SERVICES CARD SALES SETTLEMENT", cents: 201_344 },
      { day: 3, text: "HIGHLAND GREEN COFFEE IMPORTERS GREEN COFFEE BEANS", cents: -128_450 },
      { day: 4, text: "VALLEY DAIRY CO-OP MILK AND DAIRY", cents: -51_230 },
      { day: 5, text: "KEYSTONE MUTUAL INSURANCE BUSINESS INSURANCE", cents: -41_250 },
      { day: 6, text: "LAKESIDE CARD SERVICES CARD SALES SETTLEMENT", cents: 187_920 },
      { day: 8, text: "CITY POWER & LIGHT ELECTRICITY", cents: -78_912 },
      { day: 9, text: "NORTHWIND TELECOM INTERNET AND PHONE", cents: -18_999 },
      { day: 10, text: "HIGHLAND GREEN COFFEE IMPORTERS GREEN COFFEE BEANS", cents: -141_075 },
      { day: 11, text: "VALLEY DAIRY CO-OP MILK AND DAIRY", cents: -48_860 },
      { day: 12, text: "BRIGHTPAY PAYROLL PAYROLL", cents: -812_344 },
      { day: 13, text: "SQ *RIVERSIDE HARDWARE", cents: -6_412 },
      { day: 14, text: "LAKESIDE CARD SERVICES CARD SALES SETTLEMENT", cents: 224_100 },
      { day: 15, text: "ESPRESSO PARTS DIRECT ONLINE", cents: -38_900 },
      { day: 16, text: "SUMMIT BANK SERVICE CHARGE", cents: -1_500 },
      { day: 17, text: "HIGHLAND GREEN COFFEE IMPORTERS GREEN COFFEE BEANS", cents: -135_000 },
      { day: 18, text: "VALLEY DAIRY CO-OP MILK AND DAIRY", cents: -50_115 },
      { day: 19, text: "MOBILE DEPOSIT CATERING ORDER", cents: 95_000 },
    ],
    card: [
      { day: 2, text: "PAPER TRAIL OFFICE SUPPLY OFFICE SUPPLIES", cents: -4_318 },
      { day: 5, text: "TOWNSQUARE ADS LOCAL ADVERTISING", cents: -12_500 },
      { day: 7, text: "CLOUDTILL POS SOFTWARE SUBSCRIPTION", cents: -6_900 },
      { day: 9, text: "AMZN MKTP US*2K4L19 AMZN.COM/BILL", cents: -2_699 },
      { day: 12, text: "PAPER TRAIL OFFICE SUPPLY OFFICE SUPPLIES", cents: -8_844 },
      { day: 15, text: "TOWNSQUARE ADS LOCAL ADVERTISING", cents: -9_900 },
    ],
  },
  "harbor-dental": {
    checking: [
      { day: 1, text: "ACH MAPLE STREET MEDICAL OFFICES OFFICE LEASE", cents: -920_000 },
      { day: 2, text: "DELTA SHIELD DENTAL PLANS DEPOSIT", cents: 231_400 },
      { day: 3, text: "CASCADE HEALTH BENEFITS DEPOSIT", cents: 187_655 },
      { day: 4, text: "KEYSTONE MUTUAL INSURANCE MALPRACTICE INSURANCE", cents: -108_000 },
      { day: 5, text: "PATIENT PAYMENTS DEPOSIT", cents: 164_210 },
      { day: 7, text: "BRIGHTSMILE DENTAL SUPPLY DENTAL SUPPLIES", cents: -298_122 },
      { day: 9, text: "DELTA SHIELD DENTAL PLANS DEPOSIT", cents: 276_330 },
      { day: 10, text: "PRECISION DENTAL LAB LAB FEES", cents: -455_000 },
      { day: 12, text: "BRIGHTPAY PAYROLL PAYROLL", cents: -1_043_812 },
      { day: 13, text: "CITY POWER & LIGHT UTILITIES", cents: -61_870 },
      { day: 15, text: "CHAIRSIDE CLOUD PRACTICE SOFTWARE", cents: -39_900 },
      { day: 16, text: "CASCADE HEALTH BENEFITS DEPOSIT", cents: 201_090 },
      { day: 17, text: "DENTAL CE SEMINARS REGISTRATION", cents: -45_000 },
      { day: 18, text: "SUMMIT BANK LOAN PAYMENT", cents: -260_000 },
    ],
    card: [],
  },
};

const csvOf = (lines: Array<{ date: string; text: string; cents: number }>) =>
  new TextEncoder().encode(
    `Date,Description,Amount\n${lines.map((l) => `${l.date},${l.text},${formatMinor(BigInt(l.cents), 2)}`).join("\n")}\n`,
  );

/** Gives every demo client its feeds (once); returns how many lines were imported now. */
export async function seedDemoTransactions(ctx: Ctx, firmId: string): Promise<number> {
  const actor = systemActor(firmId);
  const pending: Array<{
    slug: string;
    shortName: string;
    lines: Array<{ date: string; text: string; cents: number }>;
    mode: "auto_push" | "manual_push";
  }> = [];
  const from = addDays(ctx.clock.today(), -21);
  for (const [slug, feed] of Object.entries(FEEDS)) {
    const { bankAccounts } = await banking.bankOverview(ctx, actor, slug).catch((error: unknown) => {
      if (error instanceof AppError && error.kind === "not-found")
        return { bankAccounts: [] as banking.BankAccountView[] };
      throw error;
    });
    for (const [kind, ledgerNumber, lines, mode] of [
      ["bank", "1010", feed.checking, "auto_push"],
      ["credit_card", "2100", feed.card, "manual_push"],
    ] as const) {
      if (lines.length === 0) continue;
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
      pending.push({
        slug,
        shortName: account.shortName,
        mode,
        lines: lines.map((l) => ({ date: addDays(from, l.day), text: l.text, cents: l.cents })),
      });
    }
  }
  if (pending.length === 0) return 0;
  // The bot learns the year of books first, so the new lines arrive to a trained categorizer.
  await categorize.trainFirm(ctx, actor, transactions.trainingHistory).catch((error: unknown) => {
    if (!(error instanceof AppError)) throw error;
  });
  let imported = 0;
  for (const p of pending) {
    await transactions.setAutomation(ctx, actor, p.slug, p.shortName, { mode: p.mode, startDate: from });
    const summary = await banking.importStatementFile(ctx, actor, p.slug, p.shortName, {
      bytes: csvOf(p.lines),
      fileName: `${p.shortName}-recent.csv`,
      source: "cli",
    });
    // The import queued its job for the runner; doing it now means the portal opens ready (the job
    // then finds every line done).
    await transactions.processImport(ctx, {
      firmId,
      clientId: (await access.requireClient(ctx.db, actor, p.slug)).id,
      bankAccountId: summary.bankAccount.id,
      importId: summary.importId,
      newLines: summary.newLines,
    });
    imported += summary.newLines;
  }
  return imported;
}
