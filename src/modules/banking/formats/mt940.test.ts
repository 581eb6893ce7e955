// MT940/MT942 against every shared sample: balances, :86: detail styles, dates, fragments that are refused.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseStatementFile, parseStatementFileDetailed, StatementParseError } from "./index.ts";
import { sample, sampleFiles, samplePath, withSamples } from "../../../../test/support/statement-samples.ts";

const parse = (name: string) => parseStatementFile(sample("mt940", name), { fileName: name });
const mt940 = (text: string) => parseStatementFile(new TextEncoder().encode(text), { format: "mt940" });

function errorOf(run: () => unknown): StatementParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatementParseError) return error;
    throw error;
  }
  throw new Error("expected a StatementParseError");
}

/** Fragments with no statement content at all; the reader refuses them rather than inventing one. */
const NO_STATEMENT = [
  "mt940__betterplace_empty_86.sta",
  "mt940__betterplace_empty_line.sta",
  "mt940__cmxl_available_balance.sta",
  "mt940__cmxl_statement_number.sta",
  "mt940__self-provided_empty_non_swift.sta",
];

type Row = [
  id: string | null,
  currency: string | null,
  opening: string | null,
  closing: string | null,
  count: number,
];

/** Per file: each statement's account, currency, opening and closing balance and number of transactions. */
const SUMMARY: Record<string, Row[]> = {
  "gnucash__downloaded.mt940": [["80007777/2602272001", "EUR", "0.00", "-12.56", 1]],
  "mt940__betterplace_currency_in_25.sta": [["51210600/9223382012", "EUR", null, null, 0]],
  "mt940__betterplace_empty_entry_date.sta": [[null, null, null, null, 1]],
  "mt940__betterplace_missing_crlf_at_end.sta": [[null, "EUR", null, "42570.04", 0]],
  "mt940__betterplace_sepa_snippet.sta": [
    ["50880050/0194787400888", "EUR", "766656.49", "1125250.4", 4],
    ["50880050/0194791600888", "EUR", "-1970431.87", "-4472049.09", 7],
  ],
  "mt940__betterplace_with_binary_character.sta": [
    ["51230800/0000007055", "EUR", "380115.77", "199929.02", 3],
    ["51230800/0000007304", "EUR", "130073.19", "131193.19", 1],
  ],
  "mt940__cmxl_account_balance_credit.sta": [[null, "EUR", "147.64", null, 0]],
  "mt940__cmxl_account_balance_debit.sta": [[null, "EUR", "-147.64", null, 0]],
  "mt940__cmxl_account_identification_legacy.sta": [["70011110/4005287001", "EUR", null, null, 0]],
  "mt940__cmxl_closing_balance.sta": [[null, "EUR", null, "137.00", 0]],
  "mt940__cmxl_statement_details.sta": [[null, null, null, null, 1]],
  "mt940__jejik_abnamro.sta": [
    ["517852257", "EUR", "3236.28", "876.84", 8],
    ["517852257", "EUR", "2876.84", "1849.75", 2],
  ],
  "mt940__jejik_generic.sta": [
    ["11111111", "EUR", "100.00", "90.00", 1],
    ["11111111", "EUR", "90.00", "80.00", 1],
  ],
  "mt940__jejik_postfinance.sta": [
    ["123456789", "CHF", "0", "229.2", 2],
    ["123456789", "CHF", "229.2", "159.6", 2],
  ],
  "mt940__jejik_rabobank-iban.sta": [
    ["NL71RABO0123456789", "EUR", "1000.00", "965.00", 2],
    ["NL71RABO0123456789", "EUR", "965.00", "930.00", 2],
  ],
  "mt940__jejik_sns.sta": [
    ["0123456789", "EUR", "1234.56", "1209.56", 2],
    ["0123456789", "EUR", "1209.56", "1209.56", 0],
  ],
  "mt940__jejik_triodos.sta": [["TRIODOSBANK/0390123456", "EUR", "4975.09", "4370.79", 2]],
  "mt940__mBank_mt940.sta": [["PL29114010810000267002001002", "PLN", "0.40", "0.43", 3]],
  "mt940__self-provided_february_30.sta": [["12345678/1020304050", "EUR", "1200.00", "1194.00", 1]],
  "mt940__self-provided_gv_codes.sta": [["12345678/1020304050", "EUR", "12345.12", null, 2]],
  "mt940__self-provided_overly_long_details.sta": [["12345678/1020304050", "EUR", "12345.12", "12345.98", 1]],
  "mt940__self-provided_raphaelm.sta": [
    ["1222333444", "DEM", "0.00", "105000.00", 6],
    ["1222333444", "DEM", "105000.00", "145000.00", 2],
    ["3346780111", "DEM", "145000.00", "95000.00", 1],
  ],
  "mt940__self-provided_transaction_details_wrapped.sta": [
    ["12345678/1020304050", "EUR", "1200.00", "1194.00", 1],
  ],
  "mt940__self-provided_whitespace.sta": [["12345678/1020304050", "EUR", "12345.12", "12345.98", 1]],
  "oca__test-ing.940": [["NL77INGB0574908765", "EUR", "662.23", "564.35", 8]],
  "oca__test-sns.940": [
    ["NL05SNSB0908244436", "EUR", "3026.96", "2264.52", 4],
    ["NL05SNSB0908244436", "EUR", "2264.52", "2253.57", 2],
    ["NL05SNSB0908244436", "EUR", "2253.57", null, 2],
  ],
  "php-mt940__Abn_issue48.sta": [["534334164", "EUR", "1124.58", "1171.6", 2]],
  "php-mt940__Abn_sample2.sta": [["500950253", "EUR", "17369.99", "17159.49", 4]],
  "php-mt940__Hsbc_sample.sta": [["808XXXXXX292", "HKD", "0.00", "0.00", 1]],
  "php-mt940__Knab_sample.sta": [["0762918446", "EUR", "1000.21", "945.21", 5]],
  "php-mt940__Knab_sample2.sta": [["NL52RABO0326203011", "EUR", "12490.07", "13057.49", 1]],
  "php-mt940__Penta_sample.sta": [["11010100/2324817618", "EUR", "20419.66", "9843.36", 30]],
  "php-mt940__Rabo_sample4.sta": [["NL50RABO0123456789", "EUR", "1147.95", "18846.34", 3]],
  "php-mt940__Zetb_sample.sta": [["1014365930", "NGN", "6213.05", "2469.14", 8]],
};

withSamples.describe("MT940 samples", () => {
  it("has a decision for every sample file", () => {
    const decided = new Set([
      ...NO_STATEMENT,
      ...Object.keys(SUMMARY),
      "mt940__ASNB_0708271685_09022020_164516.940.txt",
      "mt940__betterplace_sepa_mt9401.sta",
      "php-mt940__Asn_sample.sta",
      "php-mt940__Rabo_sample.sta",
    ]);
    expect(sampleFiles("mt940").filter((f) => !decided.has(f))).toEqual([]);
  });

  it.each(Object.entries(SUMMARY))("reads %s", (name, rows) => {
    const file = parse(name);
    expect(file.format).toBe("mt940");
    expect(
      file.statements.map((s): Row => [
        s.account.id,
        s.account.currency,
        s.openingBalance,
        s.closingBalance,
        s.transactions.length,
      ]),
    ).toEqual(rows);
  });

  it.each(NO_STATEMENT)("refuses the fragment %s: it holds no statement", (name) => {
    const error = errorOf(() => parse(name));
    expect(error.type).toBe("mt940/no-statement");
  });

  it.each(sampleFiles("mt940").filter((f) => !NO_STATEMENT.includes(f)))(
    "reads one transaction per :61: line in %s",
    (name) => {
      const text = readFileSync(samplePath("mt940", name), "utf8");
      const lines = text.match(/^:61:/gm)?.length ?? 0;
      expect(parse(name).statements.reduce((n, s) => n + s.transactions.length, 0)).toBe(lines);
    },
  );

  it("reads multi-statement files with SWIFT envelopes", () => {
    const asn = parse("mt940__ASNB_0708271685_09022020_164516.940.txt");
    expect(asn.statements).toHaveLength(31);
    expect(
      asn.statements.every(
        (s) => s.account.id === "NL81ASNB9999999999" && s.account.institution === "ASNBNL21",
      ),
    ).toBe(true);
    expect(asn.statements[0]!.transactions).toEqual([
      {
        id: null,
        date: "2020-01-01",
        amount: "-65.00",
        description: "NL47INGB9999999999 hr gjlm paulissen Betaling sieraden",
        payee: null,
        reference: "NL47INGB9999999999",
      },
    ]);
    const sepa = parse("mt940__betterplace_sepa_mt9401.sta");
    expect(sepa.statements).toHaveLength(26);
    expect(sepa.statements[0]!.account.id).toBe("50880050/0194774600888");
    expect(parse("php-mt940__Asn_sample.sta").statements).toHaveLength(7);
    expect(parse("php-mt940__Rabo_sample.sta").statements).toHaveLength(39);
  });

  it("reads German ?-subfields: purpose from ?20–?29 and payee from ?32/?33, umlauts intact", () => {
    const [s] = parse("gnucash__downloaded.mt940").statements;
    expect(s!.account.institution).toBe("80007777");
    expect(s!.transactions).toEqual([
      {
        id: null,
        date: "2006-02-28",
        amount: "-12.56",
        description: "TESTING GNUCASH FOR HBCI AND MT940",
        payee: "GNUCASH",
        reference: null,
      },
    ]);
    const detailed = parseStatementFileDetailed(sample("mt940", "gnucash__downloaded.mt940"));
    expect(detailed.statements[0]!.transactions[0]!.raw["86"]).toContain(
      "?00ÜBERWEISUNG?100?20TESTING GNUCASH",
    );
    expect(detailed.statements[0]!.transactions[0]!.line).toBe(6);
  });

  it("reads SEPA keywords inside the purpose text", () => {
    const [s] = parse("mt940__betterplace_sepa_snippet.sta").statements;
    expect(s!.transactions[0]).toEqual({
      id: "0724710333343453",
      date: "2007-09-04",
      amount: "50990.05",
      description: "Verw CTSc-01 BC-PPP TFNr 22 004",
      payee: "KARL KAUFMANN",
      reference: "EndToEndId TFNR 22 004 00001",
    });
    const [gv] = parse("mt940__self-provided_gv_codes.sta").statements;
    expect(gv!.transactions[0]).toMatchObject({
      amount: "-233.15",
      payee: "PayPal (Europe) S.a.r.l. et",
      reference: "1234567890123 PAYPAL",
    });
    expect(gv!.transactions[1]).toMatchObject({ date: "2019-10-25", amount: "-24.30" });
  });

  it("joins wrapped details, including a line that starts with a space", () => {
    const [s] = parse("mt940__self-provided_whitespace.sta").statements;
    expect(s!.transactions[0]).toMatchObject({
      description: "ERSTATTUNG AUSLANDSEINSATZENTGELT FUER VISA 4998 XXXX XXXX 1234",
      payee: "DEUTSCHE KREDITBANK AG",
    });
    const [o] = parse("mt940__self-provided_overly_long_details.sta").statements;
    expect(o!.transactions[0]!.payee).toBe("Finanzamt Muenchen Abteilung Erhebung");
    expect(o!.transactions[0]!.description).toMatch(/^STEUERNR 123\/123\/12345 KOERPST 3VJ\.17 233,15EUR/);
  });

  it("does not mistake a wrapped time (':12:11') for a field tag", () => {
    const [s] = parse("mt940__self-provided_transaction_details_wrapped.sta").statements;
    expect(s!.transactions[0]!.description).toBe("Pauschalen 2017-01-01T13:12:11");
  });

  it("uses the booking date when the value date is February 30, and says so", () => {
    const file = parse("mt940__self-provided_february_30.sta");
    expect(file.statements[0]!.transactions[0]).toMatchObject({
      date: "2016-03-01",
      amount: "-6.00",
      description: "Pauschalen",
    });
    expect(file.warnings).toEqual([
      'The value date "160230" on line 6 is not a real date; the booking date 2016-03-01 was used.',
    ]);
  });

  it("takes the booking year across a year end", () => {
    const [s] = parse("php-mt940__Abn_sample2.sta").statements;
    expect(s!.transactions.map((t) => t.date)).toEqual([
      "2009-01-01",
      "2009-01-02",
      "2009-02-01",
      "2010-01-01",
    ]);
  });

  it("reads Dutch /CODE/ segments (ABN AMRO, Rabobank, ING, Knab)", () => {
    expect(parse("php-mt940__Abn_issue48.sta").statements[0]!.transactions).toEqual([
      {
        id: null,
        date: "2016-12-15",
        amount: "109.65",
        description: "RES.NR 00042",
        payee: "HR K XXXXXXX EN/OF MW H XXXXXXX",
        reference: null,
      },
      {
        id: null,
        date: "2016-12-15",
        amount: "-62.63",
        description: "INV/1511682351 1.12.2016",
        payee: "XXXXXXXX B.V.",
        reference: "012345678912361000",
      },
    ]);
    const [rabo] = parse("mt940__jejik_rabobank-iban.sta").statements;
    expect(rabo!.transactions[1]).toMatchObject({
      amount: "-10.00",
      description: "Reference 201301234",
      payee: "JOHN DOE",
    });
    const [ing] = parse("oca__test-ing.940").statements;
    expect(ing!.transactions[2]).toMatchObject({
      amount: "1.57",
      description: "Factuurnr 123456 Klantnr 00123",
      payee: "J.Janssen",
      reference: "20120123456789",
    });
    expect(parse("php-mt940__Knab_sample2.sta").statements[0]!.transactions).toEqual([
      {
        id: "C0D27XM01D000031",
        date: "2020-04-27",
        amount: "567.42",
        description: "SHOPIFY D3DJ2",
        payee: "STRIPE PAYMENTS UK LTD",
        reference: null,
      },
    ]);
  });

  it("keeps a '-' line inside ING details instead of ending the message there", () => {
    const [s] = parseStatementFileDetailed(sample("mt940", "oca__test-ing.940")).statements;
    expect(s!.transactions[3]!.raw["86"]).toContain("MARF/MND\n-\nEV01//CSID");
    expect(s!.transactions[3]).toMatchObject({ amount: "-1.14", payee: "ING Bank N.V. inzake WeB" });
  });

  it("reads Triodos's '>' subfields, reversals, funds codes and the :NS: variant", () => {
    expect(
      parse("mt940__jejik_triodos.sta").statements[0]!.transactions.map((t) => [t.amount, t.description]),
    ).toEqual([
      ["-15.70", "ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010"],
      ["-700.00", "HUUR KANTOOR - FEB 2010"],
    ]);
    const sepa = parse("mt940__betterplace_sepa_mt9401.sta").statements[0]!;
    // ":61:0709040904RCR204,88" is a reversed credit: money out.
    expect(sepa.transactions[5]).toMatchObject({ amount: "-204.88", description: "0904059003" });
    const ns = parse("mt940__self-provided_raphaelm.sta").statements[0]!;
    expect(ns.transactions[0]).toMatchObject({
      amount: "5000.00",
      description: "Verwendungszweck 1 Verwendungszweck 2",
      payee: "Empfänger",
    });
  });

  it("reads old Rabobank lines with the other party after the reference", () => {
    const rabo = parse("php-mt940__Rabo_sample.sta");
    const withName = rabo.statements
      .flatMap((s) => s.transactions)
      .find((t) => t.payee === "MR AND MRS DAVIDS");
    expect(withName).toMatchObject({
      date: "2003-01-10",
      amount: "43985.66",
      description: "INV. 18",
      reference: null,
    });
  });

  it("reads statement lines without a transaction type (Penta, Zenith)", () => {
    const [penta] = parse("php-mt940__Penta_sample.sta").statements;
    expect(penta!.transactions[0]).toMatchObject({ date: "2020-09-02", amount: "-20.00", reference: null });
    const [zenith] = parse("php-mt940__Zetb_sample.sta").statements;
    expect(zenith!.account.institution).toBe("ZEIBNGLA");
    expect(zenith!.transactions[0]).toEqual({
      id: "19239782213",
      date: "2020-11-30",
      amount: "220000.00",
      description: "11302020-TRANSFER-PAYROLL// TRF TO COZ INTERNET LTD SALARY (PAYROLL)",
      payee: null,
      reference: null,
    });
  });

  it("strips the control characters some banks wrap files in", () => {
    const [s] = parse("mt940__mBank_mt940.sta").statements;
    expect(s!.transactions.map((t) => [t.id, t.amount])).toEqual([
      ["MB170119012058", "0.01"],
      ["MB170119012085", "0.01"],
      ["MB170119012121", "0.01"],
    ]);
  });

  it("warns when the balances and transactions disagree", () => {
    const file = parse("mt940__jejik_triodos.sta");
    expect(file.warnings).toEqual([
      "The statement (account TRIODOSBANK/0390123456, line 1) does not add up: the opening balance 4975.09 plus its 2 transactions gives 4259.39, but the closing balance is 4370.79.",
    ]);
    expect(parse("mt940__jejik_generic.sta").warnings).toEqual([]);
  });
});

describe("MT940 built in the test", () => {
  it("reads an MT942 interim report, taking the currency from the floor limit", () => {
    const file = mt940(
      ":20:REF\n:25:DE12/345\n:28C:1/1\n:34F:EUR0,\n:13D:2405021200+0200\n:61:2405020502D12,50NTRFNONREF//B1\n:86:Coffee\n:90D:1EUR12,50\n-\n",
    );
    expect(file.format).toBe("mt940");
    expect(file.statements[0]!.account).toEqual({
      id: "DE12/345",
      currency: "EUR",
      type: null,
      institution: "DE12",
    });
    expect(file.statements[0]!.transactions).toEqual([
      { id: "B1", date: "2024-05-02", amount: "-12.50", description: "Coffee", payee: null, reference: null },
    ]);
  });

  it.each([
    [":20:X\n:25:1\n:60F:C240101EUR1,00\n:61:2401XXD1,00NTRF\n", "mt940/invalid-statement-line", 4],
    [":20:X\n:25:1\n:60F:C240101EUR1,00\n:61:241301D1,00NTRF\n", "mt940/invalid-date", 4],
    [":20:X\n:25:1\n:60F:C240101EUR1,00\n:61:240101D1,0,0NTRF\n", "mt940/invalid-amount", 4],
    [":20:X\n:25:1\n:60F:X240101EUR1,00\n", "mt940/invalid-balance", 3],
  ])("refuses %j with %s", (text, type, line) => {
    const error = errorOf(() => mt940(text));
    expect(error.type).toBe(type);
    expect(error.line).toBe(line);
  });
});
