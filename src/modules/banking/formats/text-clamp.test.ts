// A bank file carrying overlong text (a 40 MB CSV cell, a runaway OFX name, a QIF memo) is read with the
// text cut to Closebook's limits and a warning naming the line and the field; nothing else changes.
import { describe, expect, it } from "vitest";
import { TEXT_LIMITS } from "../../../platform/text-limits.ts";
import { parseStatementFile, parseStatementFileDetailed } from "./index.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("overlong text in a bank file", () => {
  it("cuts a 40 MB CSV description cell to the limit and names the line and field", () => {
    const monster = "COFFEE-".repeat(6_000_000); // 42,000,000 characters
    const text =
      "Date,Description,Payee,Amount\n" +
      "2024-03-01,Beans,Highland Green,-120.00\n" +
      `2024-03-02,"${monster}",Valley Dairy,-45.10\n` +
      "2024-03-03,Milk,Valley Dairy,-12.00\n";
    const file = parseStatementFileDetailed(bytes(text), { fileName: "march.csv" });
    const lines = file.statements[0]!.transactions;
    expect(lines.map((t) => t.amount)).toEqual(["-120.00", "-45.10", "-12.00"]);
    const big = lines[1]!;
    expect(big.description).toHaveLength(TEXT_LIMITS.description);
    expect(big.description).toBe(monster.slice(0, TEXT_LIMITS.description));
    expect(big.payee).toBe("Valley Dairy");
    // The raw field kept as the bank wrote it is bounded too, so the monster is kept nowhere.
    expect(big.raw.Description).toHaveLength(TEXT_LIMITS.memo);
    expect(JSON.stringify(file).length).toBeLessThan(20_000);
    expect(file.warnings).toEqual([
      "Line 3: the description is 42,000,000 characters long, more than the 1,000 Closebook keeps; it was cut to its first 1,000 characters.",
      'Line 3: the field "Description" is 42,000,000 characters long, more than the 2,000 Closebook keeps; it was cut to its first 2,000 characters.',
    ]);
  });

  it("cuts an overlong payee in an OFX file and a memo in a QIF file", () => {
    const name = "N".repeat(TEXT_LIMITS.payee + 1);
    const ofx =
      "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>1</BANKACCTFROM>" +
      `<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240301<TRNAMT>-5.00<FITID>a<NAME>${name}</STMTTRN>` +
      "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
    const o = parseStatementFile(bytes(ofx));
    expect(o.statements[0]!.transactions[0]!.payee).toHaveLength(TEXT_LIMITS.payee);
    expect(o.warnings[0]).toMatch(/^Line 1: the payee is 201 characters long/);

    const memo = "m".repeat(5_000);
    const q = parseStatementFile(bytes(`!Type:Bank\nD3/1/2024\nT-5.00\nPShop\nM${memo}\n^\n`));
    expect(q.statements[0]!.transactions[0]!.description).toHaveLength(TEXT_LIMITS.description);
    expect(q.warnings.some((w) => w.startsWith("Line 2: the description is 5,000 characters long"))).toBe(
      true,
    );
  });

  it("counts the cuts beyond the first ten instead of listing them all", () => {
    const long = "x".repeat(TEXT_LIMITS.description + 1);
    const rows = Array.from(
      { length: 15 },
      (_, i) => `2024-03-${String(i + 1).padStart(2, "0")},${long},-1.00`,
    );
    const file = parseStatementFile(bytes(`Date,Description,Amount\n${rows.join("\n")}\n`));
    expect(file.statements[0]!.transactions).toHaveLength(15);
    const cuts = file.warnings.filter((w) => w.includes("Closebook keeps"));
    expect(cuts).toHaveLength(10);
    expect(file.warnings).toContain("5 more overlong texts were cut the same way.");
  });
});
