// Payroll journal entries over HTTP: a provider's mapping is saved (refused naming what is
// missing), a register previews and imports as one draft per pay date (twice is refused as a
// duplicate), a file whose columns do not map or whose rows do not balance is refused saying which
// and creates nothing, the ADP workbook books wages by department, and an entry goes draft →
// approved (the reviewer's) → posted → reversed, after which its pay date may be imported again.
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { bookkeepingClient, type BooksFixture } from "../../../test/support/books.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn } from "../../../test/support/auth.ts";
import type { App } from "../../platform/http.ts";
import * as ledger from "../ledger/index.ts";

let t: TestDb;
let b: BooksFixture;
let app: App;
const url = (path: string) => `/api/clients/${b.slug}/journals/payroll${path}`;
const send = (method: "POST" | "PUT", path: string, payload: object, headers?: Record<string, string>) =>
  app.inject({ method, url: url(path), payload, ...(headers ? { headers } : {}) });
const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/payroll/${name}`, import.meta.url));
const gusto = () => ({
  provider: "gusto",
  fileName: "gusto.csv",
  text: fixture("gusto-payroll-journal.csv").toString(),
});
interface Entry {
  id: string;
  payDate: string;
  state: string;
  entryId: string;
  netPay: string;
  reversalEntryId: string | null;
}
const entries = async (): Promise<Entry[]> => (await app.inject({ url: url("/entries") })).json().items;
const accounts = () => ({
  wages: b.account("6910"),
  employerTaxes: b.account("6920"),
  benefits: b.account("6930"),
  reimbursements: b.account("6750"),
  liabilities: b.account("2210"),
  bank: b.account("1010"),
});
async function presetColumns(provider: string) {
  const presets = (await app.inject({ url: url("/presets") })).json().items as Array<{
    provider: string;
    columns: object;
  }>;
  return presets.find((p) => p.provider === provider)!.columns;
}
const auditCount = async (action: string) =>
  Number(
    (
      await sql<{ n: bigint }>`select count(*)::int8 as n from audit_events where action = ${action}`.execute(
        t.ctx.db,
      )
    ).rows[0]!.n,
  );

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx, "payroll-co", "firm-payroll");
  app = await testServer(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("payroll journal entries", () => {
  it("saves a provider's mapping from its preset, refusing a missing role or account", async () => {
    const columns = await presetColumns("gusto");
    const noNet = Object.fromEntries(Object.entries(columns).filter(([, r]) => r !== "net_pay"));
    const refused = await send("PUT", "/mappings/gusto", { columns: noNet, accounts: accounts() });
    expect(refused.json()).toMatchObject({ code: "journals/payroll-column-missing", roles: ["net_pay"] });
    const noReimb = await send("PUT", "/mappings/gusto", {
      columns,
      accounts: { ...accounts(), reimbursements: undefined },
    });
    expect(noReimb.json()).toMatchObject({
      code: "journals/payroll-account-missing",
      field: "accounts.reimbursements",
    });
    const unknown = await send("PUT", "/mappings/gusto", {
      columns,
      accounts: { ...accounts(), bank: "nope" },
    });
    expect(unknown.json()).toMatchObject({ code: "journals/unknown-account", field: "accounts.bank" });
    expect((await app.inject({ url: url("/mappings") })).json().items).toEqual([]);
    const saved = await send("PUT", "/mappings/gusto", { columns, accounts: accounts() });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().columns).toEqual(columns);
    expect(await auditCount("journals.payroll_mapping.created")).toBe(1);
  });

  it("previews a register as one balanced entry per pay date, saving nothing", async () => {
    const res = await send("POST", "/preview", gusto());
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.duplicates).toEqual([]);
    expect(
      preview.entries.map((e: { payDate: string; totals: { net: string } }) => [e.payDate, e.totals.net]),
    ).toEqual([
      ["2026-03-13", "6133.00"],
      ["2026-03-27", "6329.15"],
    ]);
    const bank = preview.entries[0].lines.find(
      (l: { accountId: string }) => l.accountId === b.account("1010"),
    );
    expect(bank).toMatchObject({ amount: "-6133.00", accountName: expect.stringContaining("Checking") });
    expect(await entries()).toEqual([]);
  });

  it("refuses a file whose columns do not map, or whose rows do not balance, saying which and creating nothing", async () => {
    const paychex = await send("POST", "/import", {
      provider: "gusto",
      fileName: "paychex.csv",
      text: fixture("paychex-payroll-journal.csv").toString(),
    });
    expect(paychex.statusCode).toBe(422);
    expect(paychex.json()).toMatchObject({ code: "journals/payroll-column-missing" });
    expect(paychex.json().columns).toContain("Gross Earnings");
    const off = await send("POST", "/import", {
      ...gusto(),
      text: gusto().text.replace("2151.25", "2151.52"),
    });
    expect(off.json()).toMatchObject({
      code: "journals/payroll-not-balanced",
      payDate: "2026-03-27",
      row: 6,
      difference: "-0.27",
    });
    expect(await entries()).toEqual([]);
    expect(
      (await ledger.listEntries(t.ctx, b.actor, b.slug, { limit: 500, offset: 0 })).filter(
        (e) => e.source === "payroll",
      ),
    ).toEqual([]);
  });

  it("imports one draft per pay date, refuses the same file again as a duplicate", async () => {
    const res = await send("POST", "/import", gusto());
    expect(res.statusCode).toBe(201);
    const items = res.json().items as Entry[];
    expect(items.map((e) => [e.payDate, e.state, e.netPay])).toEqual([
      ["2026-03-13", "draft", "6133.00"],
      ["2026-03-27", "draft", "6329.15"],
    ]);
    const draft = await ledger.getEntry(t.ctx, b.actor, b.slug, items[0]!.entryId);
    expect(draft.status).toBe("draft");
    expect(draft.lines.reduce((s, l) => s + l.amount, 0n)).toBe(0n);
    expect(draft.lines.find((l) => l.accountId === b.account("2210"))!.amount).toBe(
      -(166_225n + 59_288n + 60_000n),
    );
    const again = await send("POST", "/import", gusto());
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: "journals/payroll-duplicate",
      payDates: ["2026-03-13", "2026-03-27"],
    });
    expect(await entries()).toHaveLength(2);
    expect(await auditCount("journals.payroll.imported")).toBe(2);
  });

  it("books the ADP workbook's wages by department, tagged with the books' department", async () => {
    const sales = await ledger.createDimension(t.ctx, b.actor, b.slug, { kind: "department", name: "Sales" });
    const saved = await send("PUT", "/mappings/adp", {
      columns: await presetColumns("adp"),
      accounts: { ...accounts(), benefitsPayable: b.account("2200") },
      departmentAccounts: { Operations: b.account("5100") },
    });
    expect(saved.statusCode).toBe(200);
    const res = await send("POST", "/import", {
      provider: "adp",
      fileName: "adp.xlsx",
      base64: fixture("adp-payroll-register.xlsx").toString("base64"),
    });
    expect(res.statusCode).toBe(201);
    const first = (res.json().items as Entry[]).find((e) => e.payDate === "2026-03-06")!;
    expect(first.netPay).toBe("9822.25");
    const entry = await ledger.getEntry(t.ctx, b.actor, b.slug, first.entryId);
    const wages = entry.lines.filter((l) => l.memo?.startsWith("Gross wages"));
    expect(wages.map((l) => [l.accountId, l.amount, l.departmentId ?? null])).toEqual([
      [b.account("5100"), 508_000n, null],
      [b.account("6910"), 785_000n, sales.id],
    ]);
    expect(entry.lines.find((l) => l.accountId === b.account("2200"))!.amount).toBe(-125_000n);
  });

  it("goes draft → approved (by the reviewer) → posted → reversed, then the pay date imports again", async () => {
    const first = (await entries()).find((e) => e.payDate === "2026-03-13")!;
    const ops = await signedIn(t, app, { firmId: b.firmId, role: "partner_ops", email: "ops@payroll.test" });
    const refused = await app.inject({
      method: "POST",
      url: url(`/entries/${first.id}/approve`),
      headers: { cookie: ops.cookie, "x-csrf-token": ops.csrfToken },
    });
    expect(refused.statusCode).toBe(403);
    const early = await app.inject({ method: "POST", url: url(`/entries/${first.id}/post`) });
    expect(early.json()).toMatchObject({ code: "journals/payroll-state" });
    expect(
      (await app.inject({ method: "POST", url: url(`/entries/${first.id}/approve`) })).json().state,
    ).toBe("approved");
    expect((await app.inject({ method: "POST", url: url(`/entries/${first.id}/post`) })).json().state).toBe(
      "posted",
    );
    expect((await ledger.getEntry(t.ctx, b.actor, b.slug, first.entryId)).status).toBe("posted");
    const reversed = await send("POST", `/entries/${first.id}/reverse`, {});
    expect(reversed.json()).toMatchObject({ state: "reversed" });
    expect((await ledger.getEntry(t.ctx, b.actor, b.slug, first.entryId)).status).toBe("reversed");
    const other = (await entries()).find((e) => e.payDate === "2026-03-27")!;
    expect((await app.inject({ method: "DELETE", url: url(`/entries/${other.id}`) })).statusCode).toBe(204);
    const again = await send("POST", "/import", gusto());
    expect(again.statusCode).toBe(201);
    expect(again.json().items.map((e: Entry) => e.payDate)).toEqual(["2026-03-13", "2026-03-27"]);
    expect(await auditCount("journals.payroll.reversed")).toBe(1);
    expect(await auditCount("journals.payroll.discarded")).toBe(1);
  });
});
