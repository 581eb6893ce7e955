// Shared setup for the import tests: a fresh database with one bank client per test file, and small
// helpers (an upload, the AppError a call fails with, a new bank account on its own ledger account).
import { afterAll, beforeAll } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { AppError } from "../../platform/errors.ts";
import { createBankAccount } from "./account-service.ts";
import { bankClient, newLedgerBankAccount, type BankFixture } from "../../../test/support/bank-fixtures.ts";

export let t: TestDb;
export let c: BankFixture;

/** Opens the test file's database and bank client before its tests, and closes it after. */
export function useImportDb(): void {
  beforeAll(async () => {
    t = await testDb();
    c = await bankClient(t.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });
}

export const upload = (bytes: Uint8Array, fileName: string) => ({
  bytes,
  fileName,
  source: "upload" as const,
});

export async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

export async function account(
  name: string,
  currency = "USD",
  extra: { mask?: string; institutionName?: string } = {},
) {
  const ledgerAccountId = await newLedgerBankAccount(t.ctx, c, name);
  return createBankAccount(t.ctx, c.actor, c.slug, {
    name,
    kind: "bank",
    ledgerAccountId,
    currency,
    ...extra,
  });
}
