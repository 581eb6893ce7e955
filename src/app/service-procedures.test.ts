// Service procedures end to end over HTTP on a test database: the firm's catalogue seeded with the
// 17 defaults and edited (Partner Admin/Ops only), a client's scope switching services on (their
// recurring work generated through work's templates) and off, the month's close checklist signed
// by the preparer then another person as reviewer (and taken back with a reason), the required
// information asked per account and ticked off by hand, by a statement import and by a file
// answering its request task — the last one setting the Close Tracker's information date — and the
// month page's and board's blockers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../test/support/db.ts";
import { testServer } from "../../test/support/server.ts";
import { signedIn, type Caller } from "../../test/support/auth.ts";
import { bankClient, csvOf, type BankFixture } from "../../test/support/bank-fixtures.ts";
import { multipart } from "../../test/support/banking-api.ts";
import { sql } from "kysely";
import type { App } from "../platform/http.ts";
import * as banking from "../modules/banking/index.ts";
import * as work from "../modules/work/index.ts";

let t: TestDb;
let c: BankFixture;
let app: App;
let dataDir: string;
let ops: Caller;
let admin: Caller;
let clientUser: Caller;

const url = (p: string) => `/api/clients/${c.slug}${p}`;
const MAY = "2026-05";
const checklistUrl = () => url(`/close/${MAY}/checklist`);

beforeAll(async () => {
  t = await testDb(); // today: 2026-06-15
  c = await bankClient(t.ctx, "svc-co", "firm-svc");
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "closebook-services-"));
  app = await testServer(t, { anonymous: true, env: { CLOSEBOOK_DATA_DIR: dataDir } });
  ops = await signedIn(t, app, { firmId: c.firmId, role: "partner_ops", name: "Pia Ops" });
  admin = await signedIn(t, app, { firmId: c.firmId, role: "partner_admin", name: "Ada Admin" });
  clientUser = await signedIn(t, app, {
    firmId: c.firmId,
    role: "client_admin",
    clients: [c.clientId],
    name: "Cody Client",
  });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const audit = async () =>
  (
    await sql<{
      action: string;
      after: unknown;
    }>`select action, after from audit_events where firm_id = ${c.firmId} order by id`.execute(t.ctx.db)
  ).rows;

const post = (who: Caller, p: string, payload: Record<string, unknown> = {}) =>
  who.inject({ method: "POST", url: url(`/close/${MAY}/${p}`), payload });

describe("the catalogue", () => {
  it("is seeded with the 17 default services and read by everyone", async () => {
    const res = await clientUser.inject("/api/firm/services");
    expect(res.statusCode, res.body).toBe(200);
    const services = res.json().services as Array<{ code: string; tier: string }>;
    expect(services).toHaveLength(17);
    expect(services.filter((s) => s.tier === "basic")).toHaveLength(7);
    // Read twice: seeded once.
    expect((await ops.inject("/api/firm/services")).json().services).toHaveLength(17);
  });

  it("is edited by the firm only, with clear refusals", async () => {
    const current = (await ops.inject("/api/firm/services"))
      .json()
      .services.find((s: { code: string }) => s.code === "payroll_journal_entries");
    const { id: _id, code: _code, archived: _a, workTemplateId: _w, updatedAt: _u, ...body } = current;
    const edited = { ...body, checklist: [...body.checklist, "Payroll taxes paid on time"] };
    const denied = await clientUser.inject({
      method: "PUT",
      url: "/api/firm/services/payroll_journal_entries",
      payload: edited,
    });
    expect(denied.statusCode).toBe(403);
    const ok = await ops.inject({
      method: "PUT",
      url: "/api/firm/services/payroll_journal_entries",
      payload: edited,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().checklist).toContain("Payroll taxes paid on time");
    const bad = await ops.inject({
      method: "PUT",
      url: "/api/firm/services/payroll_journal_entries",
      payload: { ...edited, checklist: ["Same", "same"] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "services/invalid-service", field: "checklist[1]" });
    const added = await ops.inject({
      method: "PUT",
      url: "/api/firm/services/sales_tax_filing",
      payload: { ...edited, name: "Sales tax filing", tier: "advanced" },
    });
    expect(added.statusCode, added.body).toBe(200);
    const archived = await ops.inject({ method: "POST", url: "/api/firm/services/sales_tax_filing/archive" });
    expect(archived.json().archived).toBe(true);
    const twice = await ops.inject({ method: "POST", url: "/api/firm/services/sales_tax_filing/archive" });
    expect(twice.json().code).toBe("services/already-archived");
    expect((await audit()).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "services.service.updated",
        "services.service.created",
        "services.service.archived",
      ]),
    );
  });
});

describe("a client's scope", () => {
  it("switches services on from a month and generates their recurring work", async () => {
    const res = await ops.inject({
      method: "PUT",
      url: url("/services"),
      payload: {
        services: [
          { code: "bank_card_reconciliation", from: "2026-05" },
          { code: "payroll_journal_entries", from: "2026-05" },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().generatedTasks).toBe(2);
    const on = res.json().services.filter((s: { on: boolean }) => s.on);
    expect(on.map((s: { code: string }) => s.code).sort()).toEqual([
      "bank_card_reconciliation",
      "payroll_journal_entries",
    ]);
    const tasks = (await work.listTasks(t.ctx, c.actor, { assignee: "any", client: c.slug })).tasks;
    expect(tasks.map((x) => x.title)).toEqual(
      expect.arrayContaining(["Reconcile every bank and card account", "Book the month's payroll entries"]),
    );
    // An archived service is not switched on; a client user may not change the scope.
    const archived = await ops.inject({
      method: "PUT",
      url: url("/services"),
      payload: { services: [{ code: "sales_tax_filing" }] },
    });
    expect(archived.json()).toMatchObject({ code: "services/service-archived", field: "services.0.code" });
    const denied = await clientUser.inject({
      method: "PUT",
      url: url("/services"),
      payload: { services: [] },
    });
    expect(denied.statusCode).toBe(403);
    expect((await clientUser.inject(url("/services"))).statusCode).toBe(200);
  });
});

describe("the month's checklist", () => {
  it("lists the services' items and one statement per account", async () => {
    const res = await ops.inject(checklistUrl());
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.checklist).toHaveLength(6);
    expect(v.requiredInfo.map((r: { name: string }) => r.name)).toEqual([
      "Bank statement: Operating Checking",
      "Card statement: Business Card",
      "Payroll register",
    ]);
    expect(v).toMatchObject({ missingInfo: 3, signed: { prepared: 0, reviewed: 0, total: 6 }, cutOffDay: 3 });
    const month = (await ops.inject(url(`/close/${MAY}`))).json();
    expect(month.blockers).toEqual(
      expect.arrayContaining([
        {
          kind: "information_missing",
          count: 3,
          detail:
            "3 required information items of 2026-05 not received: Bank statement: Operating Checking, Card statement: Business Card, Payroll register",
          link: "/c/svc-co/close/2026-05",
        },
        expect.objectContaining({ kind: "checklist_unsigned", count: 6 }),
      ]),
    );
    const board = (await ops.inject("/api/close/board?from=2026-05&to=2026-05")).json();
    // The board counts what the month page lists, but for the package and JE Automation's entries.
    const onBoard = (month.blockers as Array<{ kind: string; count: number }>)
      .filter((b) => !["report_package", "schedules_not_run"].includes(b.kind))
      .reduce((n, b) => n + b.count, 0);
    expect(onBoard).toBeGreaterThanOrEqual(9);
    expect(board.rows.find((r: { client: string }) => r.client === c.slug).months[0].blockers).toBe(onBoard);
  });

  it("is signed by the preparer, then by another person as reviewer, and taken back with a reason", async () => {
    const key = (await ops.inject(checklistUrl())).json().checklist[0].key as string;
    expect((await post(ops, "checklist/sign", { key, role: "reviewer" })).json().code).toBe(
      "services/preparer-first",
    );
    const prepared = await post(ops, "checklist/sign", { key, role: "preparer" });
    expect(prepared.statusCode, prepared.body).toBe(200);
    expect(prepared.json().checklist[0]).toMatchObject({ preparedBy: "Pia Ops", reviewedBy: null });
    expect((await post(ops, "checklist/sign", { key, role: "reviewer" })).json().code).toBe(
      "services/same-person",
    );
    const reviewed = await post(admin, "checklist/sign", { key, role: "reviewer" });
    expect(reviewed.json().checklist[0]).toMatchObject({ preparedBy: "Pia Ops", reviewedBy: "Ada Admin" });
    expect(reviewed.json().signed).toEqual({ prepared: 1, reviewed: 1, total: 6 });
    const early = await post(ops, "checklist/unsign", { key, role: "preparer", reason: "wrong" });
    expect(early.json().code).toBe("services/reviewed-first");
    const back = await post(admin, "checklist/unsign", { key, role: "reviewer", reason: "tie-out redone" });
    expect(back.json().checklist[0]).toMatchObject({ preparedBy: "Pia Ops", reviewedBy: null });
    expect((await audit()).find((a) => a.action === "services.checklist.unreviewed")?.after).toMatchObject({
      reason: "tie-out redone",
    });
    expect((await post(clientUser, "checklist/sign", { key, role: "reviewer" })).statusCode).toBe(403);
    expect((await post(ops, "checklist/sign", { key: "nope", role: "preparer" })).json().code).toBe(
      "services/item-not-found",
    );
  });
});

describe("required information", () => {
  it("is ticked by hand, by a statement import and by a file answering its request", async () => {
    const payroll = await post(ops, "required-info/tick", {
      key: "payroll_register:payroll-register",
      receivedOn: "2026-06-02",
    });
    expect(payroll.statusCode, payroll.body).toBe(200);
    expect(payroll.json().requiredInfo[2]).toMatchObject({
      received: true,
      receivedVia: "manual",
      receivedBy: "Pia Ops",
    });
    expect(payroll.json().missingInfo).toBe(2);

    await banking.importStatementFile(t.ctx, c.actor, c.slug, "checking", {
      bytes: csvOf([
        { date: "2026-05-04", amount: "-12.50", description: "Coffee" },
        { date: "2026-05-28", amount: "900.00", description: "Customer" },
      ]),
      fileName: "may.csv",
      source: "upload",
    });
    await t.ctx.jobs.drain();
    const afterImport = (await ops.inject(checklistUrl())).json();
    expect(afterImport.requiredInfo[0]).toMatchObject({ received: true, receivedVia: "statement_import" });
    expect(afterImport.informationCompleteOn).toBeNull();

    const asked = await post(ops, "required-info/request");
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().opened).toBe(1);
    const taskId = asked.json().requiredInfo[1].requestTaskId as string;
    expect((await post(ops, "required-info/request")).json().opened).toBe(0);
    const up = await clientUser.inject({
      method: "POST",
      url: `/api/tasks/${taskId}/upload`,
      ...multipart({ name: "amex-may.pdf", bytes: new TextEncoder().encode("%PDF-1.4 card statement") }),
    });
    expect(up.statusCode, up.body).toBe(201);
    const done = (await ops.inject(checklistUrl())).json();
    expect(done.requiredInfo[1]).toMatchObject({
      received: true,
      receivedVia: "document",
      receivedBy: "Cody Client",
    });
    expect(done).toMatchObject({ missingInfo: 0, informationCompleteOn: "2026-06-15" });
    // The Close Tracker's month now has its information date: due May 28, came June 15 (12 business days late).
    const month = (await ops.inject(url(`/close/${MAY}`))).json();
    expect(month.informationReceivedOn).toBe("2026-06-15");
    expect(month.informationLateDays).toBe(12);
    expect(month.blockers.map((b: { kind: string }) => b.kind)).not.toContain("information_missing");

    // Taken back: the month's information date is cleared again.
    const untick = await post(ops, "required-info/untick", { key: "payroll_register:payroll-register" });
    expect(untick.json().missingInfo).toBe(1);
    expect((await ops.inject(url(`/close/${MAY}`))).json().informationReceivedOn).toBeNull();
    const future = await post(ops, "required-info/tick", {
      key: "payroll_register:payroll-register",
      receivedOn: "2026-07-01",
    });
    expect(future.json().code).toBe("services/future-date");
  });
});

describe("switching a service off", () => {
  it("ends it with last month and stops its recurring work", async () => {
    const res = await ops.inject({
      method: "PUT",
      url: url("/services"),
      payload: { services: [{ code: "bank_card_reconciliation", from: "2026-05" }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const payroll = res.json().services.find((s: { code: string }) => s.code === "payroll_journal_entries");
    expect(payroll).toMatchObject({ on: false, from: "2026-05", until: "2026-05" });
    // May keeps the payroll register; June no longer asks it.
    expect((await ops.inject(checklistUrl())).json().requiredInfo).toHaveLength(3);
    expect((await ops.inject(url("/close/2026-06/checklist"))).json().requiredInfo).toHaveLength(2);
    const templates = await work.listTemplates(t.ctx, c.actor);
    const payrollTemplate = templates.find((x) => x.name === "Service: Payroll journal entries");
    expect(payrollTemplate?.clients).toEqual([]);
  });
});
