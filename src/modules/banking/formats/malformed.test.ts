// Every broken or odd file among the shared samples, with the decision taken for it: refused with a
// typed error (and where it applies the line), or read with warnings because it can be salvaged.
import { readdirSync } from "node:fs";
import { expect, it } from "vitest";
import { parseStatementFile, StatementParseError } from "./index.ts";
import { sample, sampleFiles, STATEMENTS, withSamples } from "../../../../test/support/statement-samples.ts";

type Decision =
  | { refuse: string; line: number | null }
  | { salvage: { statements: number; transactions: number; warning: RegExp | null } };

const DECISIONS: Record<string, Decision> = {
  // Not OFX at all: plain text.
  "ofx_malformed/libofx__failing-ofx-file1.xml": { refuse: "unknown-format", line: null },
  // A fuzzing crasher: header garbage and a tag cut off at the end of the file.
  "ofx_malformed/libofx__heap-buffer-overflow-2.ofx": { refuse: "ofx/truncated", line: 3 },
  // Account and a transaction's date, amount and id commented out: a transaction cannot be dated.
  "ofx_malformed/oca__test_ofx_wrong.ofx": { refuse: "ofx/missing-date", line: 42 },
  // Transactions without DTPOSTED (one missing, one empty, one on February 31).
  "ofx1/ofxparse__fail_nice_date_missing.ofx": { refuse: "ofx/missing-date", line: 33 },
  // A balance summary (start/end balances per period), not transactions.
  "csv/beancount-import__examples_venmo_balances.csv": { refuse: "csv/no-amount-column", line: null },
  // MT940 fragments without any statement field.
  "mt940/mt940__betterplace_empty_86.sta": { refuse: "mt940/no-statement", line: null },
  "mt940/mt940__betterplace_empty_line.sta": { refuse: "mt940/no-statement", line: null },
  "mt940/mt940__cmxl_available_balance.sta": { refuse: "mt940/no-statement", line: null },
  "mt940/mt940__cmxl_statement_number.sta": { refuse: "mt940/no-statement", line: null },
  "mt940/mt940__self-provided_empty_non_swift.sta": { refuse: "mt940/no-statement", line: null },
  // Salvageable: read what is there and say what is odd.
  "ofx1/beancount-import__checking-emptyledgerbal.ofx": {
    salvage: { statements: 1, transactions: 3, warning: null },
  },
  "mt940/mt940__self-provided_february_30.sta": {
    salvage: { statements: 1, transactions: 1, warning: /not a real date/ },
  },
  "mt940/mt940__betterplace_empty_entry_date.sta": {
    salvage: { statements: 1, transactions: 1, warning: /no account number/ },
  },
  "mt940/mt940__betterplace_missing_crlf_at_end.sta": {
    salvage: { statements: 1, transactions: 0, warning: /no account number/ },
  },
  "mt940/mt940__betterplace_with_binary_character.sta": {
    salvage: { statements: 2, transactions: 4, warning: null },
  },
  "mt940/mt940__self-provided_whitespace.sta": {
    salvage: { statements: 1, transactions: 1, warning: /does not add up/ },
  },
  "mt940/php-mt940__Rabo_sample4.sta": {
    salvage: { statements: 1, transactions: 3, warning: /does not add up/ },
  },
  "bai2/moov-bai2__sample5-issue113.txt": {
    salvage: { statements: 5, transactions: 20, warning: /"88:" instead of "88,"/ },
  },
  "camt054/genkgo-camt__camt054.v8.xml": {
    salvage: { statements: 1, transactions: 1, warning: /do not add up to its booked amount/ },
  },
  "camt053/subite__LT625883379695428516_CAMT_053_2024-04-11.xml": {
    salvage: { statements: 2, transactions: 15, warning: /no booking or value date/ },
  },
  "qif/gnucash__web.qif": {
    salvage: { statements: 1, transactions: 7, warning: /extra text after the date/ },
  },
  "csv/oca__paypal_empty_activity.csv": {
    salvage: { statements: 0, transactions: 0, warning: /no transaction rows/ },
  },
  "csv/oca__sheet_empty_statement_en.csv": {
    salvage: { statements: 0, transactions: 0, warning: /no transaction rows/ },
  },
  "csv/oca__sheet_original_currency_no_header.csv": {
    salvage: { statements: 1, transactions: 1, warning: /no header row/ },
  },
};

withSamples.describe("broken and odd sample files", () => {
  it.each(Object.entries(DECISIONS))("%s", (key, decision) => {
    const [folder, name] = key.split("/") as [string, string];
    let result: ReturnType<typeof parseStatementFile> | null = null;
    let error: unknown = null;
    try {
      result = parseStatementFile(sample(folder, name), { fileName: name });
    } catch (e) {
      error = e;
    }
    if ("refuse" in decision) {
      expect(error).toBeInstanceOf(StatementParseError);
      expect(error).toMatchObject({ type: decision.refuse, line: decision.line });
      expect((error as StatementParseError).detail.length).toBeGreaterThan(10);
    } else {
      expect(error).toBeNull();
      const { statements, transactions, warning } = decision.salvage;
      expect(result!.statements).toHaveLength(statements);
      expect(result!.statements.reduce((n, s) => n + s.transactions.length, 0)).toBe(transactions);
      if (warning) expect(result!.warnings.some((w) => warning.test(w))).toBe(true);
    }
  });

  it("every file in ofx_malformed is refused", () => {
    for (const name of sampleFiles("ofx_malformed")) {
      expect(DECISIONS[`ofx_malformed/${name}`]).toHaveProperty("refuse");
    }
  });

  it("every sample file either parses or fails with a StatementParseError — never anything else", () => {
    let files = 0;
    for (const folder of readdirSync(STATEMENTS)) {
      for (const name of sampleFiles(folder)) {
        files++;
        try {
          const file = parseStatementFile(sample(folder, name), { fileName: name });
          expect(Array.isArray(file.statements)).toBe(true);
        } catch (error) {
          expect(error, `${folder}/${name}`).toBeInstanceOf(StatementParseError);
          expect(
            DECISIONS[`${folder}/${name}`],
            `${folder}/${name} fails without a recorded decision`,
          ).toHaveProperty("refuse");
        }
      }
    }
    expect(files).toBeGreaterThanOrEqual(129);
  });
});
