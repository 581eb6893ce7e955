// What the banking REST API refuses: anonymous callers (its routes published in the OpenAPI document),
// and refused files answered with problem+json, writing nothing.
import { describe, expect, it } from "vitest";
import { sample, withSamples } from "../../../test/support/statement-samples.ts";
import { csvOf, rowCounts } from "../../../test/support/bank-fixtures.ts";
import { admin, app, multipart, t, url, useBankingApi } from "../../../test/support/banking-api.ts";
import { scannedPdf, SIGNED_SAMPLE, statementPdf } from "../../../test/support/statement-pdfs.ts";

useBankingApi();

describe("banking API", () => {
  it("publishes its routes in the OpenAPI document and refuses anonymous callers", async () => {
    const doc = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/clients/{client}/bank-accounts",
        "/api/clients/{client}/bank-accounts/{account}/lines",
        "/api/clients/{client}/imports",
        "/api/clients/{client}/imports/preview",
        "/api/clients/{client}/connections",
        "/api/clients/{client}/connections/{id}/reconnect",
      ]),
    );
    const res = await app.inject({ url: url("/bank-accounts") });
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  withSamples.it(
    "answers a refused file with problem+json: the parser's type, detail and line; nothing written",
    async () => {
      const before = await rowCounts(t.ctx.db);
      const res = await admin.inject({
        method: "POST",
        url: url("/imports"),
        ...multipart(
          { name: "broken.ofx", bytes: sample("ofx_malformed", "libofx__heap-buffer-overflow-2.ofx") },
          { bankAccount: "checking" },
        ),
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({
        type: "https://closebook.dev/problems/statement/ofx/truncated",
        code: "statement/ofx/truncated",
        parserType: "ofx/truncated",
        line: 3,
        detail: "The file ends in the middle of a tag.",
      });
      expect(await rowCounts(t.ctx.db)).toEqual(before);
      const tooPrecise = await admin.inject({
        method: "POST",
        url: url("/imports"),
        ...multipart(
          { name: "p.csv", bytes: csvOf([{ date: "2026-01-01", amount: "1.001", description: "x" }]) },
          { bankAccount: "checking" },
        ),
      });
      expect(tooPrecise.json()).toMatchObject({ code: "banking/amount-too-precise", line: 2 });
      const noAccount = await admin.inject({
        method: "POST",
        url: url("/imports"),
        ...multipart({
          name: "a.csv",
          bytes: csvOf([{ date: "2026-01-01", amount: "1.00", description: "x" }]),
        }),
      });
      expect(noAccount.json()).toMatchObject({ status: 400, code: "banking/bank-account-required" });
      const noFile = await admin.inject({
        method: "POST",
        url: url("/imports"),
        ...multipart(null, { bankAccount: "checking" }),
      });
      expect(noFile.json()).toMatchObject({ code: "banking/no-file" });
      const badMapping = await admin.inject({
        method: "POST",
        url: url("/imports/preview"),
        ...multipart({ name: "a.csv", bytes: csvOf([]) }, { mapping: '{"version":2}' }),
      });
      expect(badMapping.json()).toMatchObject({ code: "banking/invalid-mapping" });
      const unknownAccount = await admin.inject({
        method: "POST",
        url: url("/imports"),
        ...multipart(
          { name: "a.csv", bytes: csvOf([{ date: "2026-01-01", amount: "1.00", description: "x" }]) },
          { bankAccount: "nope" },
        ),
      });
      expect(unknownAccount.statusCode).toBe(404);
      expect(await rowCounts(t.ctx.db)).toEqual(before);
    },
  );

  it("answers a PDF whose figures do not add up, or a scan, with problem+json naming where; nothing written", async () => {
    const before = await rowCounts(t.ctx.db);
    const tampered = await admin.inject({
      method: "POST",
      url: url("/imports"),
      ...multipart(
        {
          name: "jan.pdf",
          bytes: await statementPdf({ ...SIGNED_SAMPLE, tamper: { line: 2, balance: "1654.50" } }),
        },
        { bankAccount: "checking", format: "pdf" },
      ),
    });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.headers["content-type"]).toContain("application/problem+json");
    expect(tampered.json()).toMatchObject({
      code: "statement/pdf/balance-mismatch",
      parserType: "pdf/balance-mismatch",
      detail: expect.stringContaining("page 1, row 9"),
    });
    const scan = await admin.inject({
      method: "POST",
      url: url("/imports/preview"),
      ...multipart({ name: "scan.pdf", bytes: await scannedPdf() }, { bankAccount: "checking" }),
    });
    expect(scan.json()).toMatchObject({
      status: 400,
      code: "statement/pdf/needs-ocr",
      detail: expect.stringMatching(/^This PDF needs OCR: it has no readable text/),
    });
    expect(await rowCounts(t.ctx.db)).toEqual(before);
  });
});
