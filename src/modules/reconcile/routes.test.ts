// The reconciliation over HTTP: start from the imported OFX statement, decide, create the missing
// entry, complete, the report as CSV and PDF (its text read back with pdfjs), unreconcile (a role that may reconcile may not undo), bad
// input (400), a second person (409) and another firm (404).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { bookkeepingClient, type BooksFixture } from "../../../test/support/books.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn } from "../../../test/support/auth.ts";
import { bankClient } from "../../../test/support/bank-fixtures.ts";
import type { App } from "../../platform/http.ts";
import * as banking from "../banking/index.ts";
import * as ledger from "../ledger/index.ts";
import { MARCH, ofxStatement } from "../../../test/support/reconcile-statements.ts";
import type { ReconciliationJson } from "./index.ts";
import { pdfText } from "../../../test/support/pdf-text.ts";

let t: TestDb;
let b: BooksFixture;
let app: App;

const url = (path = "") => `/api/clients/${b.slug}/reconciliations${path}`;

beforeAll(async () => {
  t = await testDb();
  b = await bookkeepingClient(t.ctx, "rec-co", "firm-rec");
  app = await testServer(t);
  await banking.importStatementFile(t.ctx, b.actor, b.slug, "checking", {
    bytes: ofxStatement(MARCH),
    fileName: "march.ofx",
    source: "upload",
  });
  await t.ctx.jobs.drain();
  for (const [date, text, cents, ref, other] of [
    ["2026-03-02", "Shell fuel", -4_500n, null, "6100"],
    ["2026-03-04", "Invoice 31 Cactus Design", 125_000n, "INV31", "4000"],
    ["2026-03-08", "Rent share", -40_000n, "1042", "6500"],
    ["2026-03-16", "Comcast cable", -12_999n, null, "6700"],
  ] as const)
    await ledger.postEntry(t.ctx, b.actor, b.slug, {
      date,
      description: text,
      reference: ref,
      lines: [
        { accountId: b.account("1010"), amount: cents, currency: "USD" },
        { accountId: b.account(other), amount: -cents, currency: "USD" },
      ],
    });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("reconciliation routes", () => {
  let rec: ReconciliationJson;

  it("starts from the imported statement and lists the account with its difference", async () => {
    const res = await app.inject({ method: "POST", url: url(), payload: { bankAccount: "checking" } });
    expect(res.statusCode).toBe(200);
    rec = res.json();
    expect(rec).toMatchObject({
      period: { from: "2026-03-01", to: "2026-03-31" },
      closing: "3000.00",
      status: "in_progress",
    });
    expect(rec.unmatched.statement.map((l) => l.externalId)).toEqual(["F5"]);
    const list = (await app.inject({ url: url("?bankAccount=checking") })).json();
    expect(list.accounts[0].inProgress).toMatchObject({ id: rec.id, difference: rec.difference });
    expect(list.accounts[0].lastReconciled).toBeNull();
  });

  it("accepts and rejects matches, refusing a stale version", async () => {
    const m = rec.matches[0]!;
    const rejected = await app.inject({
      method: "PATCH",
      url: url(`/${rec.id}/matches/${m.id}`),
      payload: { status: "rejected", version: rec.version },
    });
    expect(rejected.statusCode).toBe(200);
    const after: ReconciliationJson = rejected.json();
    expect(after.matches.find((x) => x.id === m.id)?.status).toBe("rejected");
    const stale = await app.inject({
      method: "PATCH",
      url: url(`/${rec.id}/matches/${m.id}`),
      payload: { status: "accepted", version: rec.version },
    });
    expect(stale.statusCode).toBe(409);
    for (const x of after.matches)
      await app.inject({
        method: "PATCH",
        url: url(`/${rec.id}/matches/${x.id}`),
        payload: { status: "accepted" },
      });
    rec = (await app.inject({ url: url(`/${rec.id}`) })).json();
    expect(rec.difference).toBe("-32.00");
  });

  it("refuses to complete at a difference, creates the missing entry, completes, and reports as CSV", async () => {
    const early = await app.inject({ method: "POST", url: url(`/${rec.id}/complete`), payload: {} });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: "reconcile/difference-not-zero" });
    const staples = rec.unmatched.statement[0]!;
    const created = await app.inject({
      method: "POST",
      url: url(`/${rec.id}/entries`),
      payload: { bankLineId: staples.id },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().difference).toBe("0.00");
    const done = await app.inject({ method: "POST", url: url(`/${rec.id}/complete`), payload: {} });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: "completed", difference: "0.00" });
    const csv = await app.inject({ url: url(`/${rec.id}/report?format=csv`) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("Opening balance,2356.99");
    expect(csv.body).toContain("Difference,0.00");
    expect(csv.body).toMatch(/\nCompleted by,[^,\n]+,\d{4}-\d\d-\d\dT/);
    expect(csv.body).toContain("2026-03-20,,STAPLES STORE,-32.00");

    const pdf = await app.inject({ url: url(`/${rec.id}/report?format=pdf`) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    expect(pdf.headers["content-disposition"]).toMatch(/reconciliation-checking-2026-03-31\.pdf/);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain("Bank reconciliation");
    expect(text).toMatch(/Opening balance\s+2,356\.99/);
    expect(text).toMatch(/Cleared deposits\s+1,250\.00/);
    expect(text).toMatch(/Cleared payments\s+\(606\.99\)/);
    expect(text).toMatch(/Cleared balance\s+3,000\.00/);
    expect(text).toMatch(/Statement closing balance\s+3,000\.00/);
    expect(text).toMatch(/Outstanding checks and payments\s+0\.00/);
    expect(text).toMatch(/Difference\s+0\.00/);
    expect(text).toMatch(/Completed by [^,]+, \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(text).toMatch(/2026-03-20\s+STAPLES STORE\s+\(32\.00\)/);
  });

  it("refuses to reverse an entry with a cleared line (409, not an internal error)", async () => {
    const entryId = rec.matches.find((m) => m.status === "accepted")!.ledger[0]!.entryId;
    const res = await app.inject({
      method: "POST",
      url: `/api/clients/${b.slug}/journal-entries/${entryId}/reverse`,
      payload: {},
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "reconcile/line-reconciled" });
  });

  it("lets only those who may unlock periods unreconcile", async () => {
    const ops = await signedIn(t, app, { firmId: b.firmId, role: "client_ops", clients: [b.clientId] });
    const refused = await ops.inject({
      method: "POST",
      url: url(`/${rec.id}/unreconcile`),
      payload: { reason: "typo" },
    });
    expect(refused.statusCode).toBe(403);
    const ok = await app.inject({
      method: "POST",
      url: url(`/${rec.id}/unreconcile`),
      payload: { reason: "bank corrected the statement" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe("unreconciled");
  });

  it("answers bad input with 400, a second person with 409 and another firm with 404", async () => {
    expect(
      (
        await app.inject({
          method: "POST",
          url: url(),
          payload: { bankAccount: "checking", from: "2026-02-30" },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await app.inject({
          method: "PATCH",
          url: url(`/${rec.id}/ledger-lines/nope`),
          payload: { outstanding: "yes" },
        })
      ).statusCode,
    ).toBe(400);
    const ops = await signedIn(t, app, { firmId: b.firmId, role: "client_ops", clients: [b.clientId] });
    expect(
      (await ops.inject({ method: "POST", url: url(), payload: { bankAccount: "checking" } })).statusCode,
    ).toBe(200);
    const second = await app.inject({ method: "POST", url: url(), payload: { bankAccount: "checking" } });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe("reconcile/in-progress");
    const other = await bankClient(t.ctx, "other-co", "firm-other");
    const stranger = await signedIn(t, app, { firmId: other.firmId, role: "partner_admin" });
    expect((await stranger.inject(url(`/${rec.id}`))).statusCode).toBe(404);
  });
});
