// Bank accounts and institutions on a real database: the ledger account rules (same client, bank or
// credit-card detail type, one bank account each), short names, balances and totals, and audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { AppError } from "../../platform/errors.ts";
import { clientWithChart } from "../../../test/support/fixtures.ts";
import { sample, withSamples } from "../../../test/support/statement-samples.ts";
import {
  bankOverview,
  createBankAccount,
  createInstitution,
  getBankAccount,
  listInstitutions,
  updateBankAccount,
} from "./account-service.ts";
import { importStatementFile } from "./import-service.ts";
import {
  bankClient,
  csvOf,
  newLedgerBankAccount,
  type BankFixture,
} from "../../../test/support/bank-fixtures.ts";

let t: TestDb;
let c: BankFixture;

beforeAll(async () => {
  t = await testDb();
  c = await bankClient(t.ctx);
});
afterAll(async () => {
  await t?.close();
});

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("bank accounts", () => {
  it("creates an account linked to a bank ledger account, with its institution and a short name", async () => {
    expect(c.checking).toMatchObject({
      shortName: "checking",
      name: "Operating Checking",
      kind: "bank",
      currency: "USD",
      institution: { name: "First Bank" },
      ledgerAccount: { id: c.account("1010"), name: "Cash and Bank:Operating Checking", number: "1010" },
      balance: null,
      lineCount: 0,
    });
    expect(c.card).toMatchObject({ kind: "credit_card", ledgerAccount: { id: c.account("2100") } });
    // Both accounts share the one institution (names match case-insensitively).
    expect((await listInstitutions(t.ctx, c.actor, c.slug)).map((i) => i.name)).toEqual(["First Bank"]);
    const savings = await createBankAccount(t.ctx, c.actor, c.slug, {
      name: "Savings ••9876",
      kind: "bank",
      ledgerAccountId: c.account("1020"),
      mask: "••9876",
      institutionName: "first bank",
    });
    expect(savings).toMatchObject({
      shortName: "savings-9876",
      mask: "9876",
      institution: { id: c.checking.institution!.id },
    });
    const events = await sql<{
      n: bigint;
    }>`select count(*)::int8 as n from audit_events where action = 'banking.bank_account.created' and subject_id = ${savings.id}`.execute(
      t.ctx.db,
    );
    expect(events.rows[0]!.n).toBe(1n);
  });

  it("refuses a ledger account of the wrong detail type, of another client, inactive, or already fed", async () => {
    const wrongType = await errorOf(
      createBankAccount(t.ctx, c.actor, c.slug, {
        name: "X",
        kind: "bank",
        ledgerAccountId: c.account("2100"),
      }),
    );
    expect(wrongType).toMatchObject({
      code: "banking/wrong-ledger-account",
      status: 422,
      field: "ledgerAccountId",
    });
    expect(
      (
        await errorOf(
          createBankAccount(t.ctx, c.actor, c.slug, {
            name: "X",
            kind: "credit_card",
            ledgerAccountId: c.account("1010"),
          }),
        )
      ).code,
    ).toBe("banking/wrong-ledger-account");
    expect(
      (
        await errorOf(
          createBankAccount(t.ctx, c.actor, c.slug, {
            name: "X",
            kind: "bank",
            ledgerAccountId: c.account("6000"),
          }),
        )
      ).code,
    ).toBe("banking/wrong-ledger-account");
    const other = await clientWithChart(t.ctx, "other-client", "firm-a");
    const foreign = await errorOf(
      createBankAccount(t.ctx, c.actor, c.slug, {
        name: "X",
        kind: "bank",
        ledgerAccountId: other.account("1010"),
      }),
    );
    expect(foreign).toMatchObject({ code: "banking/unknown-ledger-account", status: 422 });
    const taken = await errorOf(
      createBankAccount(t.ctx, c.actor, c.slug, {
        name: "Again",
        kind: "bank",
        ledgerAccountId: c.account("1010"),
      }),
    );
    expect(taken).toMatchObject({ code: "banking/ledger-account-in-use", status: 409 });
    expect(
      (
        await errorOf(
          createBankAccount(t.ctx, c.actor, c.slug, {
            name: "X",
            kind: "loan",
            ledgerAccountId: c.account("1030"),
          }),
        )
      ).code,
    ).toBe("banking/invalid-kind");
    expect(
      (
        await errorOf(
          createBankAccount(t.ctx, c.actor, c.slug, {
            name: "X",
            kind: "bank",
            ledgerAccountId: c.account("1030"),
            currency: "usd$",
          }),
        )
      ).code,
    ).toBe("banking/invalid-currency");
    expect(
      (
        await errorOf(
          createBankAccount(t.ctx, c.actor, c.slug, {
            name: "X",
            kind: "bank",
            ledgerAccountId: c.account("1030"),
            shortName: "checking",
          }),
        )
      ).code,
    ).toBe("banking/short-name-taken");
    expect(
      (
        await errorOf(
          updateBankAccount(t.ctx, c.actor, c.slug, "checking", { ledgerAccountId: c.account("2100") }),
        )
      ).code,
    ).toBe("banking/wrong-ledger-account");
  });

  it("changes an account and forgets or saves its CSV layout, audited with before and after", async () => {
    const changed = await updateBankAccount(t.ctx, c.actor, c.slug, "card", {
      name: "Amex Business",
      mask: "1005",
      institutionName: "American Express",
    });
    expect(changed).toMatchObject({
      name: "Amex Business",
      mask: "1005",
      institution: { name: "American Express" },
    });
    const audit = await sql<{ before: { name: string }; after: { name: string } }>`
      select before, after from audit_events where action = 'banking.bank_account.updated' and subject_id = ${c.card.id}`.execute(
      t.ctx.db,
    );
    expect(audit.rows.at(-1)).toMatchObject({
      before: { name: "Business Card" },
      after: { name: "Amex Business" },
    });
    expect((await errorOf(getBankAccount(t.ctx, c.actor, c.slug, "nope"))).status).toBe(404);
    expect(
      (await errorOf(createInstitution(t.ctx, c.actor, c.slug, { name: "american express" }))).code,
    ).toBe("banking/institution-exists");
  });

  withSamples.it(
    "shows balances from statements (plus later lines) and the totals: cash available, credit used, net cash",
    async () => {
      const ledgerAccountId = await newLedgerBankAccount(t.ctx, c, "Totals Checking");
      const bank = await createBankAccount(t.ctx, c.actor, c.slug, {
        name: "Totals Checking",
        kind: "bank",
        ledgerAccountId,
        institutionName: "Totals Bank",
      });
      // CSV with a running balance: the closing balance 2.00 on 2022-07-31.
      await importStatementFile(t.ctx, c.actor, c.slug, bank.id, {
        bytes: sample("csv", "reds__schwab__schwab_XXX234_Checking_Transactions_20220203.csv"),
        fileName: "s.csv",
        source: "upload",
      });
      expect((await getBankAccount(t.ctx, c.actor, c.slug, bank.id)).balance).toBe(200n);
      // A later file without balances adds its lines to the last stated balance.
      await importStatementFile(t.ctx, c.actor, c.slug, bank.id, {
        bytes: csvOf([{ date: "2022-08-02", amount: "10.50", description: "Deposit" }]),
        fileName: "later.csv",
        source: "upload",
      });
      const after = await getBankAccount(t.ctx, c.actor, c.slug, bank.id);
      expect(after).toMatchObject({
        balance: 1250n,
        balanceAsOf: "2022-08-02",
        lineCount: 3,
        lastLineDate: "2022-08-02",
      });
      // The card: a statement stating -5.50 owed.
      await importStatementFile(t.ctx, c.actor, c.slug, "card", {
        bytes: sample("csv", "beancount-import__examples_importers_creditcard.csv"),
        fileName: "card.csv",
        source: "upload",
      });
      const overview = await bankOverview(t.ctx, c.actor, c.slug);
      const usd = overview.totals.find((x) => x.currency === "USD")!;
      const known = overview.bankAccounts.filter((a) => a.balance !== null);
      expect(usd.cashAvailable).toBe(
        known.filter((a) => a.kind === "bank").reduce((n, a) => n + a.balance!, 0n),
      );
      expect(usd.creditUsed).toBe(550n);
      expect(usd.netCash).toBe(usd.cashAvailable - 550n);
      expect(usd.accountsWithoutBalance).toBe(
        overview.bankAccounts.filter((a) => a.balance === null && a.isActive && a.currency === "USD").length,
      );
    },
  );
});
