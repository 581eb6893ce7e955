// The ledger's REST API: validation, problem+json errors, posting, reversal, periods, reports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import { testServer } from "../../../test/support/server.ts";
import type { App } from "../../platform/http.ts";

let t: TestDb;
let c: ClientFixture;
let app: App;

beforeAll(async () => {
  t = await testDb();
  c = await clientWithChart(t.ctx, "api-co", "firm-api");
  app = await testServer(t);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const url = (path: string) => `/api/clients/${c.slug}${path}`;

describe("ledger API", () => {
  it("serves the OpenAPI document with the ledger routes and /healthz", async () => {
    const doc = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/clients/{client}/journal-entries",
        "/api/clients/{client}/reports/trial-balance",
        "/api/clients/{client}/periods/{month}/lock",
      ]),
    );
    expect((await app.inject({ url: "/healthz" })).json()).toMatchObject({ status: "ok" });
    expect((await app.inject({ url: "/api/docs/" })).statusCode).toBe(200);
  });

  it("posts an entry given debit/credit columns, and shows it in the trial balance", async () => {
    const res = await app.inject({
      method: "POST",
      url: url("/journal-entries?post=true"),
      payload: {
        date: "2026-03-01",
        description: "Owner investment",
        lines: [
          { accountId: c.account("1010"), debit: "5000.00" },
          { accountId: c.account("3100"), credit: "5000.00" },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: "posted",
      lines: [{ amount: "5000.00", currency: "USD" }, { amount: "-5000.00" }],
    });
    const tb = (await app.inject({ url: url("/reports/trial-balance?asOf=2026-03-31") })).json();
    expect(tb).toEqual({
      client: "api-co",
      asOf: "2026-03-31",
      rows: [
        {
          account: "Cash and Bank:Operating Checking",
          currency: "USD",
          debit: "5000.00",
          credit: "0.00",
          balance: "5000.00",
        },
        {
          account: "Owner's Equity:Owner Contributions",
          currency: "USD",
          debit: "0.00",
          credit: "5000.00",
          balance: "-5000.00",
        },
      ],
      totals: [{ currency: "USD", debit: "5000.00", credit: "5000.00" }],
    });
    // A cached rendering is never served after the ledger changed.
    await app.inject({
      method: "POST",
      url: url("/journal-entries?post=true"),
      payload: {
        date: "2026-03-02",
        lines: [
          { accountId: c.account("6400"), amount: "10" },
          { accountId: c.account("1010"), amount: "-10" },
        ],
      },
    });
    const after = (await app.inject({ url: url("/reports/trial-balance?asOf=2026-03-31") })).json();
    expect(after.rows.find((r: { account: string }) => r.account === "Office Supplies")?.balance).toBe(
      "10.00",
    );
    const reversed = (await app.inject({ url: url("/journal-entries?limit=1") })).json().entries[0];
    await app.inject({ method: "POST", url: url(`/journal-entries/${reversed.id}/reverse`), payload: {} });
    expect((await app.inject({ url: url("/reports/trial-balance?asOf=2026-03-31") })).json()).toEqual(tb);
    const csv = await app.inject({ url: url("/reports/trial-balance?asOf=2026-03-31&format=csv") });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\n")[0]).toBe("account,currency,debit,credit,balance");
  });

  it("answers bad input with problem+json naming the field, and writes nothing", async () => {
    const cases = [
      {
        payload: {
          date: "2026-02-30",
          lines: [
            { accountId: c.account("1010"), amount: "1" },
            { accountId: c.account("4000"), amount: "-1" },
          ],
        },
        code: "http/invalid-request", // the shared date schema knows the calendar
        field: "date",
      },
      {
        payload: {
          date: "2026-03-02",
          lines: [
            { accountId: c.account("1010"), amount: "1.001" },
            { accountId: c.account("4000"), amount: "-1.001" },
          ],
        },
        code: "money/too-many-decimals",
        field: "lines[0].amount",
      },
      {
        payload: {
          date: "2026-03-02",
          lines: [
            { accountId: c.account("1010"), amount: "10" },
            { accountId: c.account("4000"), amount: "-9" },
          ],
        },
        code: "ledger/unbalanced-entry",
        field: "lines",
      },
      {
        payload: {
          date: "2026-03-02",
          lines: [
            { accountId: c.account("1010"), amount: "1", debit: "1" },
            { accountId: c.account("4000"), amount: "-1" },
          ],
        },
        code: "ledger/amount-required",
        field: "lines[0].amount",
      },
      {
        payload: {
          date: "2026-03-02",
          lines: [
            { accountId: "nope", amount: "1" },
            { accountId: c.account("4000"), amount: "-1" },
          ],
        },
        code: "ledger/unknown-account",
        field: "lines[0].accountId",
      },
      { payload: { date: "2026-03-02", lines: "x" }, code: "http/invalid-request", field: "lines" },
    ];
    for (const k of cases) {
      const res = await app.inject({
        method: "POST",
        url: url("/journal-entries?post=true"),
        payload: k.payload,
      });
      expect(res.statusCode, JSON.stringify(k)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ code: k.code, field: k.field });
    }
    const list = (await app.inject({ url: url("/journal-entries") })).json();
    expect(list.entries).toHaveLength(3); // the investment, the supplies and their reversal
  });

  it("creates a draft, posts it, reverses it; refuses to edit what is posted", async () => {
    const draft = (
      await app.inject({
        method: "POST",
        url: url("/journal-entries"),
        payload: {
          date: "2026-03-05",
          description: "Ads",
          lines: [
            { accountId: c.account("6000"), amount: "250" },
            { accountId: c.account("2100"), amount: "-250" },
          ],
        },
      })
    ).json();
    expect(draft.status).toBe("draft");
    const explicitDraft = await app.inject({
      method: "POST",
      url: url("/journal-entries?post=false"),
      payload: {
        date: "2026-03-05",
        lines: [
          { accountId: c.account("6000"), amount: "1" },
          { accountId: c.account("2100"), amount: "-1" },
        ],
      },
    });
    expect(explicitDraft.json().status).toBe("draft");
    await app.inject({ method: "DELETE", url: url(`/journal-entries/${explicitDraft.json().id}`) });
    const posted = (
      await app.inject({ method: "POST", url: url(`/journal-entries/${draft.id}/post`) })
    ).json();
    expect(posted.status).toBe("posted");
    const edit = await app.inject({
      method: "PUT",
      url: url(`/journal-entries/${draft.id}`),
      payload: {
        date: "2026-03-05",
        lines: [
          { accountId: c.account("6000"), amount: "1" },
          { accountId: c.account("2100"), amount: "-1" },
        ],
      },
    });
    expect(edit.statusCode).toBe(409);
    const rev = await app.inject({
      method: "POST",
      url: url(`/journal-entries/${draft.id}/reverse`),
      payload: { date: "2026-03-06" },
    });
    expect(rev.statusCode).toBe(201);
    expect(rev.json()).toMatchObject({
      reversesEntryId: draft.id,
      date: "2026-03-06",
      lines: [{ amount: "-250.00" }, { amount: "250.00" }],
    });
    expect((await app.inject({ url: url(`/journal-entries/${draft.id}`) })).json()).toMatchObject({
      status: "reversed",
      reversedByEntryId: rev.json().id,
    });
  });

  it("locks and unlocks a month and refuses posting into it meanwhile", async () => {
    expect((await app.inject({ method: "POST", url: url("/periods/2026-04/lock") })).json()).toMatchObject({
      month: "2026-04",
      status: "locked",
    });
    const res = await app.inject({
      method: "POST",
      url: url("/journal-entries?post=true"),
      payload: {
        date: "2026-04-10",
        lines: [
          { accountId: c.account("6000"), amount: "1" },
          { accountId: c.account("1010"), amount: "-1" },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("ledger/period-locked");
    expect((await app.inject({ method: "POST", url: url("/periods/2026-04/unlock") })).json()).toMatchObject({
      status: "open",
    });
    expect((await app.inject({ method: "POST", url: url("/periods/2026-13/lock") })).statusCode).toBe(400);
  });

  it("manages accounts, contacts and dimensions with clear conflicts", async () => {
    const acct = await app.inject({
      method: "POST",
      url: url("/accounts"),
      payload: { number: "6610", name: "Cloud Hosting", type: "expense", parentId: c.account("6600") },
    });
    expect(acct.statusCode).toBe(201);
    expect(acct.json()).toMatchObject({
      fullName: "Software:Cloud Hosting",
      normalBalance: "debit",
      detailType: "expense",
    });
    const dup = await app.inject({
      method: "POST",
      url: url("/accounts"),
      payload: { number: "6610", name: "Other", type: "expense" },
    });
    expect(dup.statusCode).toBe(409);
    const badType = await app.inject({
      method: "POST",
      url: url("/accounts"),
      payload: { name: "X", type: "asset", detailType: "credit_card" },
    });
    expect(badType.json()).toMatchObject({ code: "ledger/invalid-detail-type", field: "detailType" });
    const renamed = await app.inject({
      method: "PATCH",
      url: url(`/accounts/${c.account("6600")}`),
      payload: { name: "Software and Apps" },
    });
    expect(renamed.json().fullName).toBe("Software and Apps");
    const child = (await app.inject({ url: url(`/accounts/${acct.json().id}`) })).json();
    expect(child.fullName).toBe("Software and Apps:Cloud Hosting");
    const vendor = await app.inject({
      method: "POST",
      url: url("/contacts"),
      payload: { kind: "vendor", name: "Acme Hosting" },
    });
    expect(vendor.statusCode).toBe(201);
    expect(
      (
        await app.inject({
          method: "POST",
          url: url("/contacts"),
          payload: { kind: "vendor", name: "Acme Hosting" },
        })
      ).statusCode,
    ).toBe(409);
    const klass = await app.inject({
      method: "POST",
      url: url("/dimensions"),
      payload: { kind: "class", name: "Retail" },
    });
    expect(klass.statusCode).toBe(201);
    const posted = await app.inject({
      method: "POST",
      url: url("/journal-entries?post=true"),
      payload: {
        date: "2026-03-09",
        lines: [
          {
            accountId: acct.json().id,
            amount: "99.99",
            contactId: vendor.json().id,
            classId: klass.json().id,
            memo: "March",
          },
          { accountId: c.account("2100"), amount: "-99.99", contactId: vendor.json().id },
        ],
      },
    });
    expect(posted.statusCode).toBe(201);
    const gl = (
      await app.inject({
        url: url(`/reports/general-ledger?from=2026-03-01&to=2026-03-31&accountId=${acct.json().id}`),
      })
    ).json();
    expect(gl.accounts[0]).toMatchObject({
      account: "Software and Apps:Cloud Hosting",
      opening: "0.00",
      closing: "99.99",
      lines: [{ contact: "Acme Hosting", memo: "March", amount: "99.99" }],
    });
    const wrongKind = await app.inject({
      method: "POST",
      url: url("/journal-entries?post=true"),
      payload: {
        date: "2026-03-09",
        lines: [
          { accountId: acct.json().id, amount: "1", departmentId: klass.json().id },
          { accountId: c.account("2100"), amount: "-1" },
        ],
      },
    });
    expect(wrongKind.json()).toMatchObject({
      code: "ledger/unknown-dimension",
      field: "lines[0].departmentId",
    });
  });

  it("answers 404 for a client of another firm or no client at all", async () => {
    const other = await clientWithChart(t.ctx, "hidden-co", "firm-other");
    for (const ref of [other.slug, other.clientId, "no-such-client"]) {
      const res = await app.inject({ url: `/api/clients/${ref}/accounts` });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Operating Checking");
    }
  });
});
