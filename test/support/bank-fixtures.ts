// Test helpers only: a client with the default chart and its bank accounts, a statement written as
// CSV, and row counts of the banking tables (to prove a refused file wrote nothing).
import { sql } from "kysely";
import type { Ctx } from "../../src/platform/context.ts";
import type { Executor } from "../../src/platform/db.ts";
import { clientWithChart, type ClientFixture } from "./fixtures.ts";
import * as ledger from "../../src/modules/ledger/index.ts";
import { createBankAccount, type BankAccountView } from "../../src/modules/banking/index.ts";

export interface BankFixture extends ClientFixture {
  /** "checking" (USD, ledger 1010). */
  checking: BankAccountView;
  /** "card" (USD credit card, ledger 2100). */
  card: BankAccountView;
}

export async function bankClient(ctx: Ctx, slug = "acme", firmSlug = "firm-a"): Promise<BankFixture> {
  const c = await clientWithChart(ctx, slug, firmSlug);
  const checking = await createBankAccount(ctx, c.actor, slug, {
    name: "Operating Checking",
    shortName: "checking",
    kind: "bank",
    ledgerAccountId: "1010",
    institutionName: "First Bank",
  });
  const card = await createBankAccount(ctx, c.actor, slug, {
    name: "Business Card",
    shortName: "card",
    kind: "credit_card",
    ledgerAccountId: "2100",
    institutionName: "First Bank",
  });
  return { ...c, checking, card };
}

/** A fresh ledger bank account (one bank account per ledger account), for tests that need many. */
export async function newLedgerBankAccount(ctx: Ctx, c: ClientFixture, name: string): Promise<string> {
  const account = await ledger.createAccount(ctx, c.actor, c.slug, {
    name,
    type: "asset",
    detailType: "bank",
    parentId: c.account("1000"),
  });
  return account.id;
}

export interface CsvLine {
  date: string;
  amount: string;
  description: string;
}

/** A plain bank CSV export: Date, Description, Amount. */
export function csvOf(lines: readonly CsvLine[]): Uint8Array {
  const body = lines.map((l) => `${l.date},${l.description},${l.amount}`).join("\n");
  return new TextEncoder().encode(`Date,Description,Amount\n${body}\n`);
}

export const BANKING_TABLES = [
  "institutions",
  "bank_accounts",
  "connections",
  "connection_events",
  "connection_requests",
  "statement_files",
  "statements",
  "bank_imports",
  "bank_lines",
] as const;

export async function rowCounts(ex: Executor): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of [...BANKING_TABLES, "audit_events", "job_queue"]) {
    const r = await sql<{ n: bigint }>`select count(*)::int8 as n from ${sql.table(t)}`.execute(ex);
    counts[t] = Number(r.rows[0]!.n);
  }
  return counts;
}
