// The hostile values a probe of the running product found answered with a 500, each as it was sent:
// a NUL in a client slug, an impossible date, an amount beyond 64 bits in a draft and in a CSV, and a
// statement file named in Cyrillic that could never be downloaded. Also: /api answers are not cached.
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { admin, c, multipart, t, url, useBankingApi } from "./support/banking-api.ts";

useBankingApi();

const auditRows = async () =>
  Number(
    (await sql<{ n: string }>`select count(*)::text as n from audit_events`.execute(t.ctx.db)).rows[0]!.n,
  );

describe("hostile values", () => {
  it("refuses a NUL in a client slug with a 400 naming the field, on every kind of route", async () => {
    for (const path of [
      "",
      "/accounts",
      "/journal-entries",
      "/bank-lines",
      "/transactions",
      "/reports/trial-balance",
    ]) {
      const res = await admin.inject(`/api/clients/blue%00bird${path}`);
      expect(res.statusCode, path).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ code: "http/invalid-character", field: "params.client" });
    }
  });

  it("refuses an impossible date in a filter with a 400 naming it", async () => {
    for (const path of [
      "/journal-entries",
      "/bank-lines",
      "/transactions",
      "/bank-accounts/checking/lines",
    ]) {
      const res = await admin.inject(url(`${path}?from=2023-02-30`));
      expect(res.statusCode, path).toBe(400);
      expect(res.json().field, path).toBe("from");
    }
    const account = c.account("1010");
    expect((await admin.inject(url(`/accounts/${account}/register?to=2023-02-29`))).statusCode).toBe(400);
  });

  it("refuses an amount beyond 64 bits when the draft is written, not when it is posted", async () => {
    const before = await auditRows();
    const res = await admin.inject({
      method: "POST",
      url: url("/journal-entries"),
      payload: {
        date: "2026-03-02",
        lines: [
          { accountId: c.account("1010"), debit: "99999999999999999.99" },
          { accountId: c.account("4000"), credit: "99999999999999999.99" },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "money/too-large", field: "lines[0].debit" });
    expect(await auditRows()).toBe(before);
  });

  it("refuses a CSV amount beyond 64 bits at import, naming its line", async () => {
    const csv =
      "Date,Amount,Description\n2026-03-02,-4.50,Coffee\n2026-03-03,92233720368547758.08,Too much\n";
    const res = await admin.inject({
      method: "POST",
      url: url("/imports"),
      ...multipart({ name: "big.csv", bytes: Buffer.from(csv) }, { bankAccount: "checking" }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "banking/amount-too-large", line: 3 });
  });

  it("serves back a statement file named in any script (RFC 6266 filename*)", async () => {
    const csv = "Date,Amount,Description\n2026-03-02,-4.50,Кофе\n";
    const imported = await admin.inject({
      method: "POST",
      url: url("/imports"),
      ...multipart({ name: "выписка.csv", bytes: Buffer.from(csv) }, { bankAccount: "checking" }),
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().file.name).toBe("выписка.csv");
    const file = await admin.inject(url(`/statement-files/${imported.json().file.id}`));
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toBe(
      `attachment; filename="_______.csv"; filename*=UTF-8''${encodeURIComponent("выписка.csv")}`,
    );
    expect(file.body).toBe(csv);
  });

  it("tells browsers and proxies not to keep any /api answer", async () => {
    for (const path of [url("/accounts"), url("/nope"), "/api/me"]) {
      const res = await admin.inject(path);
      expect(res.headers["cache-control"], path).toBe("no-store");
    }
  });
});
