// The PDF layout reader on positioned text written by hand (no PDF involved): rows from jittery
// baselines and split runs, the table found by its headings, values in their columns, descriptions on
// several rows, years and day/month order from the period, and the check figures that refuse a reading
// that does not add up — each refusal saying where.
import { describe, expect, it } from "vitest";
import { StatementParseError } from "./errors.ts";
import { parsePdfText } from "./pdf.ts";
import { pageRows } from "./pdf-rows.ts";
import type { PdfPage, PdfText, PdfTextItem } from "./pdf-types.ts";
import { readAmount, readDatePrefix, resolveWritten } from "./pdf-values.ts";

/** A run of 9-point text; its width estimated as Helvetica's average (half the font size per character). */
function run(
  x: number,
  y: number,
  text: string,
  options: { right?: boolean; size?: number } = {},
): PdfTextItem {
  const size = options.size ?? 9;
  const width = text.length * size * 0.5;
  return { text, x: options.right ? x - width : x, y, width, height: size };
}

function page(number: number, items: PdfTextItem[]): PdfPage {
  return { number, width: 612, height: 792, items };
}

/** A row of cells: [x, text] left-aligned, [x, text, "r"] right-aligned at x. */
function row(y: number, ...cells: Array<[number, string] | [number, string, "r"]>): PdfTextItem[] {
  return cells.map(([x, text, align]) => run(x, y, text, { right: align === "r" }));
}

function refusal(text: PdfText): StatementParseError {
  try {
    parsePdfText(text);
  } catch (error) {
    if (error instanceof StatementParseError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const HEADING = (y: number) =>
  row(y, [40, "Date"], [110, "Description"], [460, "Amount", "r"], [560, "Balance", "r"]);

function signedStatement(lines: Array<[string, string, string, string]>, extra: PdfTextItem[] = []): PdfText {
  const items = [
    run(40, 40, "Example Bank", { size: 16 }),
    ...row(80, [40, "Account number: XXXX-4321"]),
    ...row(94, [40, "Statement period: 01/01/2024 - 01/31/2024"]),
    ...row(116, [40, "Beginning balance"], [290, "$1,000.00", "r"]),
    ...HEADING(160),
    ...lines.flatMap(([date, description, amount, balance], i) =>
      row(175 + i * 15, [40, date], [110, description], [460, amount, "r"], [560, balance, "r"]),
    ),
    ...extra,
  ];
  return { pages: [page(1, items)] };
}

describe("rows", () => {
  it("puts runs on one baseline (within a fraction of the font size) in one row, left to right", () => {
    const rows = pageRows(
      page(1, [
        run(300, 100.4, "12.50"),
        run(40, 100, "01/02"),
        run(110, 99.7, "COFFEE"),
        run(110 + 6 * 4.5 + 2.5, 100.1, "SHOP"),
        run(40, 115, "next"),
      ]),
    );
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["01/02", "COFFEE SHOP", "12.50"],
      ["next"],
    ]);
  });

  it("makes one row of baselines less than a line apart: wrapped cells centred vertically", () => {
    const rows = pageRows(
      page(1, [
        run(62, 164, "Feb"),
        run(62, 175.5, "01"),
        run(101, 170, "OPENING"),
        run(511, 170, "2,000.00"),
        run(62, 193.5, "Feb"),
        run(101, 193.5, "POS GROCERY"),
        run(101, 204.7, "TORONTO ON"),
        run(62, 204.7, "03"),
        run(399, 199.5, "54.21"),
      ]),
    );
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["Feb 01", "OPENING", "2,000.00"],
      ["Feb 03", "POS GROCERY TORONTO ON", "54.21"],
    ]);
  });

  it("joins a word cut into two runs without a space, and drops runs of blank space", () => {
    const [r] = pageRows(
      page(1, [run(40, 100, "WITH"), run(40 + 4 * 4.5, 100, "DRAWAL"), run(80, 100, "   ")]),
    );
    expect(r?.cells.map((c) => c.text)).toEqual(["WITHDRAWAL"]);
  });
});

describe("values", () => {
  it("reads amounts as banks print them, and nothing that is not one", () => {
    expect(readAmount("1,234.56", ".")).toBe("1234.56");
    expect(readAmount("-4.50", ".")).toBe("-4.50");
    expect(readAmount("(1,234.56)", ".")).toBe("-1234.56");
    expect(readAmount("250.00 CR", ".")).toBe("250.00");
    expect(readAmount("250.00 DR", ".")).toBe("-250.00");
    expect(readAmount("$1,000.00", ".")).toBe("1000.00");
    expect(readAmount("1.234,56-", ",")).toBe("-1234.56");
    for (const text of ["1043", "2024", "12/03", "CHECK 1043", "1,234", "12.5"])
      expect(readAmount(text, "."), text).toBeNull();
  });

  it("reads dates with and without a year, and takes the year from the period across a new year", () => {
    expect(readDatePrefix("01/05/2024 COFFEE")).toMatchObject({
      raw: "01/05/2024",
      rest: "COFFEE",
      year: "2024",
    });
    expect(readDatePrefix("Jan 05")).toMatchObject({ month: 1, a: 5, year: null });
    expect(readDatePrefix("5 March 2024")).toMatchObject({ month: 3, a: 5, year: "2024" });
    expect(readDatePrefix("Margin call")).toBeNull();
    const period = { start: "2023-12-15", end: "2024-01-14" };
    expect(resolveWritten(readDatePrefix("Dec 28")!, "MDY", period)).toBe("2023-12-28");
    expect(resolveWritten(readDatePrefix("Jan 05")!, "MDY", period)).toBe("2024-01-05");
    expect(resolveWritten(readDatePrefix("31/01/2024")!, "DMY", period)).toBe("2024-01-31");
    expect(resolveWritten(readDatePrefix("02/30/2024")!, "MDY", period)).toBeNull();
  });
});

describe("the transaction table", () => {
  it("reads lines, the statement's account, period and balances, and checks every running balance", () => {
    const file = parsePdfText(
      signedStatement(
        [
          ["01/02/2024", "COFFEE SHOP", "-4.50", "995.50"],
          ["01/03/2024", "PAYROLL", "2,500.00", "3,495.50"],
          ["01/31/2024", "FEE", "-12.00", "3,483.50"],
        ],
        row(300, [40, "Ending balance"], [290, "$3,483.50", "r"]),
      ),
    );
    const [s] = file.statements;
    expect(file.warnings).toEqual([]);
    expect(s).toMatchObject({
      account: { id: "XXXX-4321", institution: "Example Bank", currency: null },
      start: "2024-01-01",
      end: "2024-01-31",
      openingBalance: "1000.00",
      closingBalance: "3483.50",
    });
    expect(s?.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
      ["2024-01-02", "-4.50", "COFFEE SHOP"],
      ["2024-01-03", "2500.00", "PAYROLL"],
      ["2024-01-31", "-12.00", "FEE"],
    ]);
    expect(s?.transactions[1]?.raw).toMatchObject({
      page: "1",
      row: "7",
      Date: "01/03/2024",
      Amount: "2,500.00",
      Balance: "3,495.50",
    });
  });

  it("joins a description printed on several rows, and ignores page footers", () => {
    const items = [
      ...row(80, [40, "Statement period: 01/01/2024 - 01/31/2024"]),
      ...HEADING(120),
      ...row(135, [40, "01/02/2024"], [110, "WIRE OUT"], [460, "-100.00", "r"], [560, "900.00", "r"]),
      ...row(145.5, [110, "BENEFICIARY J SMITH"]),
      ...row(156, [110, "INVOICE 118"]),
      ...row(171, [40, "01/04/2024"], [110, "DEPOSIT"], [460, "50.00", "r"], [560, "950.00", "r"]),
      ...row(700, [240, "Continued on next page"]),
      ...row(740, [500, "Page 1 of 1"]),
    ];
    const [s] = parsePdfText({ pages: [page(1, items)] }).statements;
    expect(s?.transactions.map((t) => t.description)).toEqual([
      "WIRE OUT BENEFICIARY J SMITH INVOICE 118",
      "DEPOSIT",
    ]);
    expect(s?.openingBalance).toBe("1000.00");
    expect(s?.closingBalance).toBe("950.00");
  });

  it("reads separate money-out and money-in columns, and day-first dates from the period", () => {
    const items = [
      ...row(80, [40, "Statement from 01/03/2024 to 31/03/2024"]),
      ...row(
        120,
        [40, "Date"],
        [110, "Details"],
        [380, "Debit", "r"],
        [470, "Credit", "r"],
        [570, "Balance", "r"],
      ),
      ...row(135, [40, "01/03/2024"], [110, "Opening balance"], [570, "10.00 CR", "r"]),
      ...row(150, [40, "02/03/2024"], [110, "CARD"], [380, "25.00", "r"], [570, "15.00 DR", "r"]),
      ...row(165, [110, "MORE CARD"], [380, "1.00", "r"], [570, "(16.00)", "r"]),
      ...row(180, [40, "05/03/2024"], [110, "SALARY"], [470, "1,016.00", "r"], [570, "1,000.00 CR", "r"]),
      ...row(195, [110, "Totals"], [380, "26.00", "r"], [470, "1,016.00", "r"]),
      ...row(210, [40, "31/03/2024"], [110, "Closing balance"], [570, "1,000.00 CR", "r"]),
    ];
    const [s] = parsePdfText({ pages: [page(1, items)] }).statements;
    expect(s?.start).toBe("2024-03-01");
    expect(s?.end).toBe("2024-03-31");
    expect(s?.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
      ["2024-03-02", "-25.00", "CARD"],
      ["2024-03-02", "-1.00", "MORE CARD"],
      ["2024-03-05", "1016.00", "SALARY"],
    ]);
    expect([s?.openingBalance, s?.closingBalance]).toEqual(["10.00", "1000.00"]);
  });

  it("continues over pages with the heading repeated and checks the balance carried forward", () => {
    const heading = (y: number) =>
      row(
        y,
        [40, "Date"],
        [90, "Description"],
        [380, "Withdrawals", "r"],
        [470, "Deposits", "r"],
        [560, "Balance", "r"],
      );
    const text: PdfText = {
      pages: [
        page(1, [
          ...row(80, [40, "Statement Period: December 15, 2023 through January 14, 2024"]),
          ...heading(120),
          ...row(135, [40, "Dec 15"], [90, "Balance forward"], [560, "100.00", "r"]),
          ...row(150, [40, "Dec 30"], [90, "ATM"], [380, "40.00", "r"], [560, "60.00", "r"]),
        ]),
        page(2, [
          ...heading(60),
          ...row(75, [40, "Jan 02"], [90, "Balance forward"], [560, "60.00", "r"]),
          ...row(90, [40, "Jan 03"], [90, "DEPOSIT"], [470, "15.00", "r"], [560, "75.00", "r"]),
        ]),
      ],
    };
    const [s] = parsePdfText(text).statements;
    expect(s?.transactions.map((t) => [t.date, t.amount])).toEqual([
      ["2023-12-30", "-40.00"],
      ["2024-01-03", "15.00"],
    ]);
    expect(s?.transactions[1]?.raw.page).toBe("2");

    const broken = structuredClone(text);
    (broken.pages[1] as PdfPage).items = [
      ...heading(60),
      ...row(75, [40, "Jan 02"], [90, "Balance forward"], [560, "61.00", "r"]),
      ...row(90, [40, "Jan 03"], [90, "DEPOSIT"], [470, "15.00", "r"], [560, "76.00", "r"]),
    ];
    const error = refusal(broken);
    expect(error.type).toBe("pdf/balance-mismatch");
    expect(error.detail).toContain("page 2, row 2");
    expect(error.detail).toContain("should be 60.00, but the statement shows 61.00");
  });
});

describe("other layouts", () => {
  it("reads Money out / Money in, decimal commas, day-first yearless dates and a balance carried forward", () => {
    const heading = (y: number) =>
      row(
        y,
        [40, "Date"],
        [90, "Particulars"],
        [380, "Money out (€)", "r"],
        [470, "Money in (€)", "r"],
        [560, "Balance", "r"],
      );
    const text: PdfText = {
      pages: [
        page(1, [
          ...row(60, [40, "IBAN: IE29 AIBK 9311 5212 3456 78"]),
          ...row(80, [40, "Period: 20/12/2023 to 19/01/2024"]),
          ...row(100, [40, "Opening balance"], [290, "1.000,00", "r"]),
          ...heading(120),
          ...row(135, [40, "28/12"], [90, "SUPERMARKET"], [380, "1.234,50", "r"], [560, "234,50-", "r"]),
          ...row(150, [90, "Balance carried forward"], [560, "234,50-", "r"]),
        ]),
        page(2, [
          ...heading(60),
          ...row(75, [40, "03/01"], [90, "SALARY"], [470, "2.000,00", "r"], [560, "1.765,50", "r"]),
          ...row(90, [90, "Closing balance"], [560, "1.765,50", "r"]),
        ]),
      ],
    };
    const [s] = parsePdfText(text).statements;
    expect(s).toMatchObject({
      account: { id: "IE29AIBK93115212345678", currency: "EUR" },
      start: "2023-12-20",
      end: "2024-01-19",
      openingBalance: "1000.00",
      closingBalance: "1765.50",
    });
    expect(s?.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
      ["2023-12-28", "-1234.50", "SUPERMARKET"],
      ["2024-01-03", "2000.00", "SALARY"],
    ]);
    const broken = structuredClone(text);
    (broken.pages[0] as PdfPage).items.push(...row(150, [560, "234,00-", "r"]));
    (broken.pages[0] as PdfPage).items = (broken.pages[0] as PdfPage).items.filter(
      (i) => i.text !== "234,50-" || i.y !== 150,
    );
    expect(refusal(broken).detail).toContain('page 1, row 6 ("Balance carried forward")');
  });
});

describe("statements in sections", () => {
  it("signs an Amount column by its section title, and keeps a description row that names a purchase", () => {
    const heading = (y: number) => row(y, [62, "Date"], [101, "Description"], [460, "Amount", "r"]);
    const items = [
      ...row(80, [40, "Statement period: 03/01/2024 through 03/31/2024"]),
      ...row(94, [40, "Beginning balance on 03/01/2024 $5,000.00"]),
      ...row(108, [40, "Ending balance on 03/31/2024 $5,680.00"]),
      ...row(140, [40, "Deposits and additions"]),
      ...heading(160),
      ...row(175, [62, "03/05"], [101, "DEPOSIT"], [460, "1,000.00", "r"]),
      ...row(190, [101, "Total deposits and additions"], [460, "$1,000.00", "r"]),
      ...row(220, [40, "ATM & debit card withdrawals"]),
      ...heading(240),
      ...row(255, [62, "03/09"], [101, "POS 4411"], [460, "300.00", "r"]),
      ...row(265.5, [101, "DEBIT CARD PURCHASE"]),
      ...row(280, [62, "03/12"], [101, "ATM"], [460, "20.00", "r"]),
      ...row(295, [101, "Total withdrawals"], [460, "$320.00", "r"]),
    ];
    const [s] = parsePdfText({ pages: [page(1, items)] }).statements;
    expect(s?.transactions.map((t) => [t.date, t.amount, t.description])).toEqual([
      ["2024-03-05", "1000.00", "DEPOSIT"],
      ["2024-03-09", "-300.00", "POS 4411 DEBIT CARD PURCHASE"],
      ["2024-03-12", "-20.00", "ATM"],
    ]);
    expect([s?.openingBalance, s?.closingBalance]).toEqual(["5000.00", "5680.00"]);
  });
});

describe("refusals", () => {
  it("refuses a running balance that does not follow, naming the page, row, expected and found", () => {
    const error = refusal(
      signedStatement([
        ["01/02/2024", "COFFEE SHOP", "-4.50", "995.50"],
        ["01/03/2024", "PAYROLL", "2,500.00", "3,459.50"],
      ]),
    );
    expect(error.type).toBe("pdf/balance-mismatch");
    expect(error.detail).toBe(
      'The figures do not add up at page 1, row 7 (01/03/2024 "PAYROLL"): the running balance should be 3495.50 ' +
        "(the balance before it, 995.50, plus the amount 2500.00), but the statement shows 3459.50.",
    );
  });

  it("refuses lines that do not sum from the opening to the closing balance, saying by how much", () => {
    const error = refusal(
      signedStatement(
        [["01/02/2024", "COFFEE SHOP", "-4.50", "995.50"]],
        row(300, [40, "Ending balance"], [290, "$990.50", "r"]),
      ),
    );
    expect(error.type).toBe("pdf/totals-mismatch");
    expect(error.detail).toContain("gives 995.50, but the closing balance at page 1, row 7 is 990.50");
    expect(error.detail).toContain("a difference of -5.00");
  });

  it("needs OCR when there is no text, and names what is missing when there is no table", () => {
    expect(refusal({ pages: [page(1, []), page(2, [])] })).toMatchObject({ type: "pdf/needs-ocr" });
    expect(refusal({ pages: [page(1, [])] }).detail).toMatch(/^This PDF needs OCR: it has no readable text/);
    const letter = {
      pages: [page(1, row(100, [40, "Dear customer, your new card is on its way. It will arrive soon."]))],
    };
    expect(refusal(letter).type).toBe("pdf/no-transaction-table");
  });

  it("refuses a table with nothing to check its lines against", () => {
    const items = [
      ...row(120, [40, "Date"], [110, "Description"], [460, "Amount", "r"]),
      ...row(135, [40, "01/02/2024"], [110, "COFFEE"], [460, "-4.50", "r"]),
    ];
    expect(refusal({ pages: [page(1, items)] }).type).toBe("pdf/unchecked");
  });

  it("refuses yearless dates when no period gives the year", () => {
    const items = [
      ...HEADING(120),
      ...row(135, [40, "Jan 02"], [110, "COFFEE"], [460, "-4.50", "r"], [560, "95.50", "r"]),
      ...row(150, [40, "Jan 03"], [110, "TEA"], [460, "-1.50", "r"], [560, "94.00", "r"]),
    ];
    expect(refusal({ pages: [page(1, items)] }).type).toBe("pdf/no-year");
  });
});
