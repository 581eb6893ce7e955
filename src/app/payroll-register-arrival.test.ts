// A payroll register imported in JE Automation is the month's payroll register received: the
// client's payroll service asks for it in the close's required information, and the import ticks it
// ("payroll import") for the months of its pay dates — not the months it has no pay date in.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { bookkeepingClient, type BooksFixture } from "../../test/support/books.ts";
import { testServer } from "../../test/support/server.ts";
import { signedIn, type Caller } from "../../test/support/auth.ts";
import type { App } from "../platform/http.ts";

let t: TestDb;
let b: BooksFixture;
let app: App;
let ops: Caller;

const url = (p: string) => `/api/clients/${b.slug}${p}`;
const register = (month: string) =>
  ops.inject({ url: url(`/close/${month}/checklist`) }).then((r) => {
    expect(r.statusCode, r.body).toBe(200);
    return (
      r.json().requiredInfo as Array<{ kind: string; received: boolean; receivedVia: string | null }>
    ).find((i) => i.kind === "payroll_register")!;
  });

beforeAll(async () => {
  t = await testDb(); // today: 2026-06-15
  b = await bookkeepingClient(t.ctx, "payroll-arrival", "firm-payroll-arrival");
  app = await testServer(t, { anonymous: true });
  ops = await signedIn(t, app, { firmId: b.firmId, role: "partner_ops", name: "Pia Ops" });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("a payroll register's arrival", () => {
  it("ticks the payroll register of its pay dates' month when imported", async () => {
    const scope = await ops.inject({
      method: "PUT",
      url: url("/services"),
      payload: { services: [{ code: "payroll_journal_entries", from: "2026-03" }] },
    });
    expect(scope.statusCode, scope.body).toBe(200);
    expect(await register("2026-03")).toMatchObject({ received: false, receivedVia: null });

    const preset = (await ops.inject({ url: url("/journals/payroll/presets") })).json().items as Array<{
      provider: string;
      columns: object;
    }>;
    const mapped = await ops.inject({
      method: "PUT",
      url: url("/journals/payroll/mappings/gusto"),
      payload: {
        columns: preset.find((p) => p.provider === "gusto")!.columns,
        accounts: {
          wages: b.account("6910"),
          employerTaxes: b.account("6920"),
          benefits: b.account("6930"),
          reimbursements: b.account("6750"),
          liabilities: b.account("2210"),
          bank: b.account("1010"),
        },
      },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const imported = await ops.inject({
      method: "POST",
      url: url("/journals/payroll/import"),
      payload: {
        provider: "gusto",
        fileName: "gusto.csv",
        text: readFileSync(
          new URL("../../test/fixtures/payroll/gusto-payroll-journal.csv", import.meta.url),
        ).toString(),
      },
    });
    expect(imported.statusCode, imported.body).toBe(201);

    expect(await register("2026-03")).toMatchObject({ received: true, receivedVia: "payroll_import" });
    // The register's pay dates are all in March: April's register is still awaited.
    expect(await register("2026-04")).toMatchObject({ received: false });
  });
});
