// The banking REST API's bank accounts and imports, in order on one database: an account created and
// listed with totals, multipart preview and import (again: every line a duplicate), an import through
// an API token with lines filtered and paged, and tenant isolation of the data imported (the services'
// checks and row-level security).
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { signedIn, tokenCaller } from "../../../test/support/auth.ts";
import { runAsTenant } from "../../platform/tenant-scope.ts";
import { sample, withSamples } from "../../../test/support/statement-samples.ts";
import { csvOf, rowCounts } from "../../../test/support/bank-fixtures.ts";
import { admin, app, c, multipart, other, t, url, useBankingApi } from "../../../test/support/banking-api.ts";

useBankingApi();

describe("banking API", () => {
  it("creates a bank account and lists accounts with balances and totals", async () => {
    const res = await admin.inject({
      method: "POST",
      url: url("/bank-accounts"),
      payload: {
        name: "Savings",
        kind: "bank",
        ledgerAccountId: "1020",
        mask: "4321",
        institutionName: "First Bank",
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      shortName: "savings",
      mask: "4321",
      balance: null,
      institution: { name: "First Bank" },
      ledgerAccount: { number: "1020" },
    });
    const wrong = await admin.inject({
      method: "POST",
      url: url("/bank-accounts"),
      payload: { name: "Bad", kind: "bank", ledgerAccountId: "2100" },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: "banking/wrong-ledger-account", field: "ledgerAccountId" });
    // Without the CSRF header a cookie session cannot change anything.
    const noCsrf = await app.inject({
      method: "POST",
      url: url("/bank-accounts"),
      headers: { cookie: admin.cookie },
      payload: { name: "X", kind: "bank", ledgerAccountId: "1030" },
    });
    expect(noCsrf.statusCode).toBe(403);
    await admin.inject({ method: "PATCH", url: url("/bank-accounts/savings"), payload: { isActive: false } });
    expect(
      (await admin.inject(url("/bank-accounts?includeInactive=false")))
        .json()
        .bankAccounts.map((a: { shortName: string }) => a.shortName),
    ).not.toContain("savings");
    expect(
      (await admin.inject(url("/bank-accounts?includeInactive=true")))
        .json()
        .bankAccounts.map((a: { shortName: string }) => a.shortName),
    ).toContain("savings");
    await admin.inject({ method: "PATCH", url: url("/bank-accounts/savings"), payload: { isActive: true } });
    const list = (await admin.inject(url("/bank-accounts"))).json();
    expect(list.bankAccounts.map((a: { shortName: string }) => a.shortName).sort()).toEqual([
      "card",
      "checking",
      "savings",
    ]);
    expect(list.totals).toEqual([
      {
        currency: "USD",
        cashAvailable: "0.00",
        creditUsed: "0.00",
        netCash: "0.00",
        accountsWithoutBalance: 3,
      },
    ]);
  });

  withSamples.it(
    "previews an upload without saving it, then imports it, and again: every line a duplicate",
    async () => {
      const bytes = sample("csv", "reds__schwab__schwab_XXX234_Checking_Transactions_20220203.csv");
      const before = await rowCounts(t.ctx.db);
      const preview = await admin.inject({
        method: "POST",
        url: url("/imports/preview"),
        ...multipart({ name: "schwab.csv", bytes }, { bankAccount: "checking" }),
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({
        format: "csv",
        totalLines: 2,
        lines: [{ date: "2022-07-31", amount: "1.00", description: "Interest Paid" }, { amount: "-2.00" }],
        csv: {
          columns: [
            "Date",
            "Status",
            "Type",
            "CheckNumber",
            "Description",
            "Withdrawal",
            "Deposit",
            "RunningBalance",
          ],
          mappingSource: "detected",
        },
        blocked: null,
        alreadyImported: null,
      });
      expect(await rowCounts(t.ctx.db)).toEqual(before);
      // The live re-preview: the same file with a changed mapping (the description taken from "Type").
      const mapping = {
        ...preview.json().csv.mapping,
        columns: { ...preview.json().csv.mapping.columns, description: 2 },
      };
      const remapped = await admin.inject({
        method: "POST",
        url: url("/imports/preview"),
        ...multipart(
          { name: "schwab.csv", bytes },
          { bankAccount: "checking", mapping: JSON.stringify(mapping) },
        ),
      });
      expect(remapped.json().lines.map((l: { description: string }) => l.description)).toEqual([
        "INTADJUST",
        "ACH",
      ]);
      expect(remapped.json().csv.mappingSource).toBe("given");

      const first = await admin.inject({
        method: "POST",
        url: url("/imports"),
        ...multipart({ name: "schwab.csv", bytes }, { bankAccount: "checking" }),
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        newLines: 2,
        duplicateLines: 0,
        totalLines: 2,
        bankAccount: { shortName: "checking" },
        file: { name: "schwab.csv", alreadyImported: false },
      });
      const again = await admin.inject({
        method: "POST",
        url: url("/imports"),
        ...multipart({ name: "schwab.csv", bytes }, { bankAccount: "checking" }),
      });
      expect(again.json()).toMatchObject({ newLines: 0, duplicateLines: 2, file: { alreadyImported: true } });
      const runs = (await admin.inject(url("/imports?bankAccount=checking"))).json().imports;
      expect(
        runs.map((r: { newLines: number; duplicateLines: number; importedBy: string }) => [
          r.newLines,
          r.duplicateLines,
          r.importedBy,
        ]),
      ).toEqual([
        [0, 2, "Ada Admin"],
        [2, 0, "Ada Admin"],
      ]);
      // The file comes back exactly as uploaded.
      const file = await admin.inject(url(`/statement-files/${first.json().file.id}`));
      expect(file.headers["content-disposition"]).toContain("schwab.csv");
      expect(Buffer.compare(file.rawPayload, Buffer.from(bytes))).toBe(0);
      // The balance is the statement's; the totals follow.
      const overview = (await admin.inject(url("/bank-accounts"))).json();
      expect(
        overview.bankAccounts.find((a: { shortName: string }) => a.shortName === "checking"),
      ).toMatchObject({ balance: "2.00", lineCount: 2 });
      expect(overview.totals[0]).toMatchObject({
        cashAvailable: "2.00",
        netCash: "2.00",
        accountsWithoutBalance: 2,
      });
    },
  );

  it("imports through an API token (recorded as an API import) and lists lines with filters and paging", async () => {
    const integration = await tokenCaller(t, app, { firmId: c.firmId, role: "partner_ops" });
    const lines = Array.from({ length: 30 }, (_, i) => ({
      date: `2026-02-${String(1 + (i % 28)).padStart(2, "0")}`,
      amount: i % 2 ? `-${i}.25` : `${i}.50`,
      description: i % 3 ? `Card purchase ${i}` : `Transfer ${i}`,
    }));
    const res = await integration.inject({
      method: "POST",
      url: url("/imports"),
      ...multipart({ name: "feb.csv", bytes: csvOf(lines) }, { bankAccount: "savings" }),
    });
    expect(res.statusCode).toBe(201);
    expect((await integration.inject(url("/imports?bankAccount=savings"))).json().imports[0]).toMatchObject({
      source: "api",
      newLines: 30,
    });
    const page1 = (await admin.inject(url("/bank-accounts/savings/lines?limit=10&offset=0"))).json();
    const page3 = (await admin.inject(url("/bank-accounts/savings/lines?limit=10&offset=20"))).json();
    expect(page1.total).toBe(30);
    expect(page1.lines).toHaveLength(10);
    expect(page3.lines).toHaveLength(10);
    expect(page1.lines[0].date >= page3.lines[9].date).toBe(true);
    expect(new Set([...page1.lines, ...page3.lines].map((l: { id: string }) => l.id)).size).toBe(20);
    const transfers = (
      await admin.inject(url("/bank-accounts/savings/lines?search=transfer&limit=100"))
    ).json();
    expect(transfers.total).toBe(10);
    const big = (await admin.inject(url("/bank-lines?bankAccount=savings&minAmount=20&limit=100"))).json();
    expect(big.lines.every((l: { amount: string }) => Number(l.amount) >= 20)).toBe(true);
    expect(big.total).toBe(lines.filter((l) => !l.amount.startsWith("-") && Number(l.amount) >= 20).length);
    const range = (
      await admin.inject(url("/bank-lines?bankAccount=savings&from=2026-02-01&to=2026-02-02&limit=100"))
    ).json();
    expect(range.lines.map((l: { date: string }) => l.date).sort()).toEqual([
      "2026-02-01",
      "2026-02-01",
      "2026-02-02",
      "2026-02-02",
    ]);
    expect(range.lines[0]).toMatchObject({
      currency: "USD",
      occurrence: 1,
      source: { line: expect.any(Number) },
    });
    expect((await admin.inject(url("/bank-lines?minAmount=1"))).json()).toMatchObject({
      code: "banking/amount-filter-needs-account",
    });
  });

  it("never shows one firm's or client's bank data to another (services and row-level security)", async () => {
    const stranger = await signedIn(t, app, { firmId: other.firmId, role: "partner_admin" });
    const paths = [
      "/bank-accounts",
      "/bank-accounts/checking",
      "/bank-accounts/checking/lines",
      "/bank-accounts/checking/statements",
      "/bank-lines",
      "/imports",
      "/connections",
      "/institutions",
    ];
    for (const p of paths) {
      const res = await stranger.inject(url(p));
      expect(res.statusCode, p).toBe(404);
      expect(res.body).not.toContain("Operating Checking");
    }
    const upload = await stranger.inject({
      method: "POST",
      url: url("/imports"),
      ...multipart(
        { name: "x.csv", bytes: csvOf([{ date: "2026-01-01", amount: "1.00", description: "x" }]) },
        { bankAccount: "checking" },
      ),
    });
    expect(upload.statusCode).toBe(404);
    // A client user of the other firm's client sees theirs, not ours.
    const theirs = await signedIn(t, app, {
      firmId: other.firmId,
      role: "client_admin",
      clients: [other.clientId],
    });
    expect((await theirs.inject(url("/bank-accounts", other.slug))).statusCode).toBe(200);
    expect((await theirs.inject(url("/bank-accounts"))).statusCode).toBe(404);
    // The database's own wall: as the other firm's tenant, our rows do not exist.
    const seen = await runAsTenant({ firmId: other.firmId, clientIds: "all" }, async () => {
      const counts: Record<string, number> = {};
      for (const table of [
        "bank_accounts",
        "bank_lines",
        "statements",
        "statement_files",
        "bank_imports",
        "institutions",
        "connections",
        "connection_events",
        "connection_requests",
      ]) {
        const r = await sql<{
          n: bigint;
        }>`select count(*)::int8 as n from ${sql.table(table)} where client_id = ${c.clientId}::uuid`.execute(
          t.ctx.db,
        );
        counts[table] = Number(r.rows[0]!.n);
      }
      return counts;
    });
    expect(Object.values(seen).every((n) => n === 0)).toBe(true);
    const mine = await runAsTenant(
      { firmId: c.firmId, clientIds: [c.clientId] },
      async () =>
        (
          await sql<{
            n: bigint;
          }>`select count(*)::int8 as n from bank_lines where client_id = ${c.clientId}::uuid`.execute(
            t.ctx.db,
          )
        ).rows[0]!.n,
    );
    expect(mine).toBeGreaterThan(0n);
    // …and rows of another client of the same firm stay hidden from a client-scoped tenant.
    const wrongClient = await runAsTenant(
      { firmId: c.firmId, clientIds: [other.clientId] },
      async () =>
        (
          await sql<{
            n: bigint;
          }>`select count(*)::int8 as n from bank_accounts where client_id = ${c.clientId}::uuid`.execute(
            t.ctx.db,
          )
        ).rows[0]!.n,
    );
    expect(wrongClient).toBe(0n);
  });
});
