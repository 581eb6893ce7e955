// The statements as downloads over HTTP (format=xlsx|pdf): the content type, an RFC 6266 file name,
// and files that hold the same figures as the JSON (the workbook's net income, the PDF's bytes).
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import { testServer } from "../../../test/support/server.ts";
import type { App } from "../../platform/http.ts";
import * as ledger from "../ledger/index.ts";

let t: TestDb;
let c: ClientFixture;
let app: App;

const url = (path: string) => `/api/clients/${c.slug}${path}`;

beforeAll(async () => {
  t = await testDb();
  c = await clientWithChart(t.ctx, "exp-co", "firm-exp");
  app = await testServer(t);
  for (const [date, debit, credit, amount] of [
    ["2026-01-10", "1010", "4000", 150_025n],
    ["2026-01-31", "6500", "1010", 80_000n],
    ["2026-02-10", "1010", "4000", 99_999n],
  ] as const)
    await ledger.postEntry(t.ctx, c.actor, c.slug, {
      date,
      description: "entry",
      lines: [
        { accountId: c.account(debit), amount, currency: "USD" },
        { accountId: c.account(credit), amount: -amount, currency: "USD" },
      ],
    });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("report downloads", () => {
  it("serves the profit and loss as an XLSX whose net income is the JSON's", async () => {
    const q = "/reports/profit-loss?from=2026-01-01&to=2026-02-28&by=month";
    const json = (await app.inject({ url: url(q) })).json();
    const res = await app.inject({ url: url(`${q}&format=xlsx`) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="exp-co-profit-loss-2026-01-01-2026-02-28.xlsx"; filename*=UTF-8''exp-co-profit-loss-2026-01-01-2026-02-28.xlsx`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Profit and loss")!;
    let net = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "Net income") net = n;
    });
    expect(net).toBeGreaterThan(0);
    const figures = ["B", "C", "D"].map((col) => {
      const v = ws.getCell(`${col}${net}`).value as { formula: string; result: number };
      expect(v.formula).toBeTruthy();
      return v.result.toFixed(2);
    });
    expect(figures).toEqual(json.netIncome);
    expect(json.netIncome).toEqual(["700.25", "999.99", "1700.24"]);
  });

  it("serves the balance sheet and the cash flows as PDFs", async () => {
    for (const [q, name] of [
      ["/reports/balance-sheet?asOf=2026-02-28&format=pdf", "exp-co-balance-sheet-2026-02-28.pdf"],
      [
        "/reports/cash-flow?from=2026-01-01&to=2026-02-28&format=pdf",
        "exp-co-cash-flow-2026-01-01-2026-02-28.pdf",
      ],
    ] as const) {
      const res = await app.inject({ url: url(q) });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-disposition"]).toContain(`filename="${name}"`);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    }
  });

  it("refuses a format it does not know (400)", async () => {
    const res = await app.inject({
      url: url("/reports/profit-loss?from=2026-01-01&to=2026-01-31&format=docx"),
    });
    expect(res.statusCode).toBe(400);
  });
});
