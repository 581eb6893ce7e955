// Bank account rules and the Smart Connect totals.
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import { DETAIL_TYPES } from "../ledger/index.ts";
import {
  LEDGER_DETAIL_TYPE,
  balanceOf,
  checkAccountNumber,
  checkLedgerAccount,
  checkMask,
  checkShortName,
  shortNameFrom,
  totalsOf,
} from "./model.ts";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return null;
};

describe("bank account rules", () => {
  it("links bank accounts to bank ledger accounts and cards to credit-card ledger accounts", () => {
    expect(DETAIL_TYPES.asset).toContain(LEDGER_DETAIL_TYPE.bank);
    expect(DETAIL_TYPES.liability).toContain(LEDGER_DETAIL_TYPE.credit_card);
    const checking = { detail_type: "bank", is_active: true, full_name: "Cash and Bank:Checking" };
    const card = { detail_type: "credit_card", is_active: true, full_name: "Business Card" };
    expect(() => checkLedgerAccount("bank", checking)).not.toThrow();
    expect(() => checkLedgerAccount("credit_card", card)).not.toThrow();
    expect(codeOf(() => checkLedgerAccount("bank", card))).toBe("banking/wrong-ledger-account");
    expect(codeOf(() => checkLedgerAccount("credit_card", checking))).toBe("banking/wrong-ledger-account");
    expect(
      codeOf(() =>
        checkLedgerAccount("bank", { detail_type: "expense", is_active: true, full_name: "Meals" }),
      ),
    ).toBe("banking/wrong-ledger-account");
    expect(codeOf(() => checkLedgerAccount("bank", { ...checking, is_active: false }))).toBe(
      "banking/inactive-ledger-account",
    );
  });

  it("keeps the last 4 characters of a mask and refuses other characters", () => {
    expect(checkMask("1234")).toBe("1234");
    expect(checkMask("•••• 9876")).toBe("9876");
    expect(checkMask("0001234567")).toBe("4567");
    expect(checkMask("")).toBeNull();
    expect(checkMask(undefined)).toBeNull();
    expect(codeOf(() => checkMask("12;4"))).toBe("banking/invalid-mask");
  });

  it("compacts account numbers", () => {
    expect(checkAccountNumber("NL91 ABNA 0417-1643.00")).toBe("NL91ABNA0417164300");
    expect(checkAccountNumber(" ")).toBeNull();
  });

  it("makes short names from display names", () => {
    expect(shortNameFrom("Operating Checking ••1234")).toBe("operating-checking-1234");
    expect(shortNameFrom("Épargne")).toBe("epargne");
    expect(shortNameFrom("!!!")).toBe("account");
    expect(checkShortName(shortNameFrom("x".repeat(80)))).toHaveLength(40);
    expect(codeOf(() => checkShortName("Checking"))).toBe("banking/invalid-short-name");
  });
});

describe("totalsOf", () => {
  it("adds bank balances to cash, card debt to credit used, per currency", () => {
    const totals = totalsOf([
      { kind: "bank", currency: "USD", balance: 150_000n },
      { kind: "bank", currency: "USD", balance: -2_000n },
      { kind: "credit_card", currency: "USD", balance: -30_000n },
      { kind: "credit_card", currency: "USD", balance: null },
      { kind: "bank", currency: "EUR", balance: 5_000n },
    ]);
    expect(totals).toEqual([
      { currency: "EUR", cashAvailable: 5_000n, creditUsed: 0n, netCash: 5_000n, accountsWithoutBalance: 0 },
      {
        currency: "USD",
        cashAvailable: 148_000n,
        creditUsed: 30_000n,
        netCash: 118_000n,
        accountsWithoutBalance: 1,
      },
    ]);
  });

  it("shows a card in credit as negative credit used", () => {
    expect(totalsOf([{ kind: "credit_card", currency: "USD", balance: 1_000n }])[0]).toMatchObject({
      creditUsed: -1_000n,
      netCash: 1_000n,
    });
  });

  it("is empty without accounts", () => {
    expect(totalsOf([])).toEqual([]);
  });

  it("anchors a balance on the last stated one and adds the later lines", () => {
    expect(balanceOf({ closingBalance: 10_000n }, -2_500n)).toBe(7_500n);
    expect(balanceOf(null, -2_500n)).toBeNull();
  });
});
