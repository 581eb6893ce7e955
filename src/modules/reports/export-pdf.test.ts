// The PDF export read back with pdfjs-dist (legacy build, for Node): the title, the client, the
// period, the column and section headings, the net income figure as printed, page numbers, and on a
// long statement the column header repeated on every page.
import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { statementPdf, printedAmount } from "./export-pdf.ts";
import { cashFlowTable, profitLossTable, balanceSheetTable } from "./export-table-model.ts";
import { profitLossJson } from "./report-format.ts";
import {
  balanceSheetFixture,
  cashFlowFixture,
  longProfitLossFixture,
  profitLossFixture,
  yearByMonthFixture,
} from "./test-fixtures.ts";

/** The text of each page, its items joined by spaces. */
async function pagesText(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  await doc.destroy();
  return pages;
}

describe("PDF export", () => {
  it("prints the profit and loss: client, period, headings, columns and net income", async () => {
    const r = profitLossFixture();
    const bytes = await statementPdf(profitLossTable(r, { clientName: "Acme Widgets Ltd" }));
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const [text, ...more] = await pagesText(bytes);
    expect(more).toEqual([]);
    for (const s of [
      "Profit and loss",
      "Acme Widgets Ltd",
      "2026-01-01 to 2026-02-28 (USD, accrual basis)",
      "Jan 2026",
      "Income",
      "Cost of goods sold",
      "Total expenses",
      "4010 Sales:Consulting",
      "Net income",
      "Page 1 of 1",
    ])
      expect(text).toContain(s);
    const net = profitLossJson(r).netIncome;
    expect(net[0]).toBe("2100.75");
    expect(text).toContain("2,100.75");
    // February's loss prints in parentheses.
    expect(net[1]).toBe("-1655.13");
    expect(text).toContain("(1,655.13)");
  });

  it("prints the balance sheet and the cash flows", async () => {
    const bs = await pagesText(
      await statementPdf(balanceSheetTable(balanceSheetFixture(), { clientName: "Acme" })),
    );
    expect(bs[0]).toContain("Balance sheet");
    expect(bs[0]).toContain("Total liabilities and equity");
    const cf = await pagesText(await statementPdf(cashFlowTable(cashFlowFixture(), { clientName: "Acme" })));
    expect(cf[0]).toContain("Statement of cash flows");
    expect(cf[0]).toContain("Cash at end of period");
  });

  it("breaks a long statement over pages, repeating the header and numbering the pages", async () => {
    const pages = await pagesText(
      await statementPdf(profitLossTable(longProfitLossFixture(120), { clientName: "Acme" })),
    );
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((p, i) => {
      expect(p).toContain("Profit and loss");
      expect(p).toContain("Account");
      expect(p).toContain("Jan 2026");
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages.join(" ")).toContain("6219 Expense 119");
    expect(pages.at(-1)).toContain("Net income");
  });

  it("fits twelve months and a total on a landscape page", async () => {
    const [text, ...more] = await pagesText(
      await statementPdf(profitLossTable(yearByMonthFixture(), { clientName: "Acme" })),
    );
    expect(more).toEqual([]);
    expect(text).toContain("M12 2026");
    expect(text).toContain("Total");
    expect(text).toContain("Net income");
  });

  it("groups thousands and puts negatives in parentheses", () => {
    expect(printedAmount(123456789n, 2)).toBe("1,234,567.89");
    expect(printedAmount(-5n, 2)).toBe("(0.05)");
    expect(printedAmount(-1000n, 0)).toBe("(1,000)");
  });
});
