// The XLSX export read back with exceljs: every total is a formula, each formula evaluated over
// the sheet's own cells gives the cached figure, and the figures equal the report's JSON to the cent.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { balanceSheetTable, cashFlowTable, profitLossTable, type ExportTable } from "./export-table-model.ts";
import { columnLetter, statementsXlsx } from "./export-xlsx.ts";
import { balanceSheetJson, cashFlowJson, profitLossJson, type SectionJson } from "./report-format.ts";
import { balanceSheetFixture, cashFlowFixture, profitLossFixture } from "./test-fixtures.ts";

async function readBack(tables: ExportTable[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await statementsXlsx(tables)) as unknown as ArrayBuffer);
  return wb;
}

function cached(cell: ExcelJS.Cell): number | string | null {
  const v = cell.value;
  // exceljs reads a cached 0 (<v>0</v> in the file) back as no result.
  if (v && typeof v === "object" && "formula" in v) return (v.result ?? 0) as number | string;
  return v as number | string | null;
}

/** Evaluates the formulas the export writes (SUM of cells and ranges, + and −) over cached values. */
function evaluate(ws: ExcelJS.Worksheet, formula: string): number {
  const value = (ref: string) => Number(cached(ws.getCell(ref)) ?? 0);
  const range = (part: string) => {
    const [a, b] = part.split(":");
    if (!b) return value(a!);
    const col = a!.replace(/\d+/g, "");
    const col2 = b.replace(/\d+/g, "");
    const r1 = Number(a!.slice(col.length));
    const r2 = Number(b.slice(col2.length));
    let sum = 0;
    for (let c = ws.getColumn(col).number; c <= ws.getColumn(col2).number; c++)
      for (let r = r1; r <= r2; r++) sum += value(`${columnLetter(c)}${r}`);
    return sum;
  };
  const flat = formula.replace(/SUM\(([^)]*)\)/g, (_, list: string) =>
    String(list.split(",").reduce((s, p) => s + range(p), 0)),
  );
  const withValues = flat.replace(/[A-Z]+\d+/g, (ref) => `(${value(ref)})`);
  if (!/^[\d.()+\-e ]+$/.test(withValues)) throw new Error(`cannot evaluate ${formula}`);
  return Function(`return ${withValues}`)() as number;
}

/** Row number of the first row whose label is `label`. */
function rowOf(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === label) return r;
  throw new Error(`no row "${label}"`);
}

/** Checks every formula cell of the sheet foots over the sheet's own cells, to the cent. */
function expectFormulasFoot(ws: ExcelJS.Worksheet): number {
  let formulas = 0;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (!v || typeof v !== "object" || !("formula" in v) || !v.formula || v.formula.startsWith("IF("))
        return;
      formulas++;
      expect(Math.round(evaluate(ws, v.formula) * 100), `${cell.address} ${v.formula}`).toBe(
        Math.round(Number(cached(cell)) * 100),
      );
    }),
  );
  return formulas;
}

function expectRowEquals(
  ws: ExcelJS.Worksheet,
  label: string,
  amounts: ReadonlyArray<string | null>,
  width: number,
) {
  const r = rowOf(ws, label);
  for (let i = 0; i < width; i++) {
    const expected = amounts[i];
    const got = cached(ws.getCell(`${columnLetter(2 + i)}${r}`));
    if (expected === null || expected === undefined) expect(got).toBe("");
    else expect(Number(got).toFixed(2), `${label} column ${i}`).toBe(Number(expected).toFixed(2));
  }
}

function expectSections(ws: ExcelJS.Worksheet, sections: SectionJson[], width: number) {
  for (const s of sections) {
    const r = rowOf(ws, `Total ${s.name.toLowerCase()}`);
    expect(String((ws.getCell(`B${r}`).value as { formula: string }).formula)).toMatch(/^SUM\(|^0$/);
    // Percent columns are fractions in the sheet, percentages in the JSON: compare amounts only.
    expectRowEquals(ws, `Total ${s.name.toLowerCase()}`, s.totals, width);
  }
}

describe("XLSX export", () => {
  it("writes the profit and loss with formulas that foot to the JSON figures", async () => {
    const r = profitLossFixture();
    const json = profitLossJson(r);
    const wb = await readBack([profitLossTable(r, { clientName: "Acme Widgets Ltd" })]);
    const ws = wb.getWorksheet("Profit and loss")!;
    expect(ws.getCell("A1").value).toBe("Profit and loss");
    expect(ws.getCell("A2").value).toBe("Acme Widgets Ltd");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5, xSplit: 1 });
    expect(ws.getRow(5).values).toContain("Change from prior period (%)");
    const amountsOnly = 5; // the sixth column is a percent
    expectSections(ws, json.sections, amountsOnly);
    expectRowEquals(ws, "Net income", json.netIncome, amountsOnly);
    const net = rowOf(ws, "Net income");
    const income = rowOf(ws, "Total income");
    const expenses = rowOf(ws, "Total expenses");
    const formula = (ws.getCell(`B${net}`).value as { formula: string }).formula;
    expect(formula).toContain(`B${income}`);
    expect(formula).toContain(`-B${expenses}`);
    // Total income sums the top rows only: the parent Sales already holds Consulting (800.00).
    const sales = rowOf(ws, "4000 Sales");
    expect(ws.getCell(`A${sales + 1}`).value).toBe("4010 Sales:Consulting");
    expect((ws.getCell(`B${income}`).value as { formula: string }).formula).toBe(`SUM(B${sales})`);
    expect(cached(ws.getCell(`B${income}`))).toBe(3300.75);
    expect(json.netIncome[0]).toBe("2100.75");
    expect(cached(ws.getCell(`B${net}`))).toBe(2100.75);
    // Total = January + February, change = total − prior, percent from the same row.
    expect((ws.getCell(`D${net}`).value as { formula: string }).formula).toBe(`SUM(B${net}:C${net})`);
    expect((ws.getCell(`F${net}`).value as { formula: string }).formula).toBe(`D${net}-E${net}`);
    expect((ws.getCell(`G${net}`).value as { formula: string }).formula).toBe(
      `IF(E${net}=0,"",(D${net}-E${net})/ABS(E${net}))`,
    );
    expect(ws.getCell(`B${net}`).numFmt).toBe("#,##0.00_);(#,##0.00)");
    expect(ws.getCell(`G${net}`).numFmt).toBe("0.0%");
    expect(expectFormulasFoot(ws)).toBeGreaterThan(20);
  });

  it("writes the balance sheet and cash flows, one sheet each, footing to their JSON", async () => {
    const bs = balanceSheetFixture();
    const cf = cashFlowFixture();
    const wb = await readBack([
      balanceSheetTable(bs, { clientName: "Acme" }),
      cashFlowTable(cf, { clientName: "Acme" }),
    ]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Balance sheet", "Cash flows"]);
    const b = wb.getWorksheet("Balance sheet")!;
    const bj = balanceSheetJson(bs);
    expectSections(b, bj.sections, 2);
    expectRowEquals(b, "Total assets", bj.totals.assets, 2);
    expectRowEquals(b, "Total liabilities", bj.totals.liabilities, 2);
    expectRowEquals(b, "Total equity", bj.totals.equity, 2);
    expectRowEquals(b, "Total liabilities and equity", bj.totals.assets, 2);
    expectFormulasFoot(b);
    const c = wb.getWorksheet("Cash flows")!;
    const cj = cashFlowJson(cf);
    expectSections(c, cj.sections, 2);
    expectRowEquals(c, "Net change in cash", cj.netChange, 2);
    expectRowEquals(c, "Cash at start of period", cj.cashAtStart, 2);
    expectRowEquals(c, "Cash at end of period", cj.cashAtEnd, 2);
    const end = rowOf(c, "Cash at end of period");
    expect((c.getCell(`C${end}`).value as { formula: string }).formula).toBe(
      `C${rowOf(c, "Cash at start of period")}+C${rowOf(c, "Net change in cash")}`,
    );
    expectFormulasFoot(c);
  });
});
