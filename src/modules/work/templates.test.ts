// Project templates and system tasks on a test database: a template is refused with the field whose
// relative date makes no sense, and generates a period's project once however often asked; system
// tasks are created once per key and closed by the key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { clientWithChart, type ClientFixture } from "../../../test/support/fixtures.ts";
import { testServer } from "../../../test/support/server.ts";
import { signedIn, type Caller } from "../../../test/support/auth.ts";
import type { App } from "../../platform/http.ts";
import * as work from "./index.ts";

let t: TestDb;
let app: App;
let a: ClientFixture;
let partner: Caller;

beforeAll(async () => {
  t = await testDb(); // today: 2026-06-15 (a Monday)
  app = await testServer(t, { anonymous: true });
  a = await clientWithChart(t.ctx, "work-a", "firm-work");
  partner = await signedIn(t, app, { firmId: a.firmId, role: "partner_admin", name: "Pat Partner" });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe("project templates", () => {
  const blueprints = [
    {
      title: "Request bank statements",
      type: "document_upload_request",
      due: { kind: "day_of_month", day: 3 },
      assignee: { kind: "client" },
      checklist: ["Checking", "Card"],
    },
    { title: "Reconcile accounts", due: { kind: "business_days_after_close", days: 5 } },
    { title: "Accrue payroll", due: { kind: "business_days_before_close", days: 2 } },
    { title: "Close the month", due: { kind: "last_business_day" } },
  ];

  it("refuses a template whose relative date makes no sense, naming the field", async () => {
    const res = await partner.inject({
      method: "POST",
      url: "/api/project-templates",
      payload: {
        name: "Broken close",
        recurrence: "monthly",
        blueprints: [
          blueprints[0],
          { title: "Too early", due: { kind: "business_days_before_close", days: 30 } },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "work/invalid-template", field: "blueprints[1].due.days" });
    expect((await partner.inject("/api/project-templates")).json().templates).toEqual([]);
  });

  it("generates a period's project once, however often asked (by hand or by the scheduled job)", async () => {
    const created = await partner.inject({
      method: "POST",
      url: "/api/project-templates",
      payload: { name: "Monthly close", recurrence: "monthly", blueprints },
    });
    expect(created.statusCode, created.body).toBe(201);
    const template = created.json();
    expect(template.blueprints.map((x: { dueText: string }) => x.dueText)).toEqual([
      "day 3 of the month after the period",
      "5 business days after close",
      "2 business days before close",
      "last business day of the period",
    ]);
    const gen = (period: string) =>
      partner.inject({
        method: "POST",
        url: `/api/project-templates/${template.id}/generate`,
        payload: { client: "work-a", period },
      });
    const first = (await gen("2026-05")).json();
    expect(first).toMatchObject({ period: "2026-05", created: true, tasks: 4 });
    expect((await gen("2026-05")).json()).toEqual({ ...first, created: false, tasks: 0 });
    const tasks = (
      await partner.inject(`/api/tasks?assignee=any&project=${first.projectId}&status=to_do`)
    ).json().tasks;
    expect(tasks.map((x: work.TaskView) => [x.title, x.dueDate])).toEqual([
      ["Accrue payroll", "2026-05-27"],
      ["Close the month", "2026-05-29"],
      ["Request bank statements", "2026-06-03"],
      ["Reconcile accounts", "2026-06-05"],
    ]);
    // The scheduled job: the current period (June) for each client the template recurs for.
    await partner.inject({
      method: "POST",
      url: `/api/project-templates/${template.id}/clients`,
      payload: { client: "work-a" },
    });
    await partner.inject({
      method: "POST",
      url: `/api/project-templates/${template.id}/clients`,
      payload: { client: "work-b", firstPeriod: "2026-07" },
    });
    expect(await work.generateDueWork(t.ctx)).toEqual({ created: 1, tasks: 4 });
    expect(await work.generateDueWork(t.ctx)).toEqual({ created: 0, tasks: 0 });
    const projects = (await partner.inject(`/api/projects?template=${template.id}`)).json().projects;
    expect(
      projects
        .map((p: { period: string; client: { slug: string }; open: number }) => [
          p.period,
          p.client.slug,
          p.open,
        ])
        .sort(),
    ).toEqual([
      ["2026-05", "work-a", 4],
      ["2026-06", "work-a", 4],
    ]);
    const june = (await partner.inject(`/api/tasks?assignee=client&client=work-a&q=Request bank`)).json()
      .tasks;
    expect(june.find((x: work.TaskView) => x.dueDate === "2026-07-03")).toMatchObject({
      checklist: { total: 2 },
    });
  });
});

describe("system tasks", () => {
  it("creates one task per key and closes it by the key", async () => {
    const input = {
      firmId: a.firmId,
      clientId: a.clientId,
      key: "banking.reconnect:conn-1",
      type: "bank_connection_request" as const,
      title: "Reconnect the bank",
    };
    const first = await work.createSystemTask(t.ctx, input);
    const again = await work.createSystemTask(t.ctx, input);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(
      await work.closeSystemTask(t.ctx, {
        firmId: a.firmId,
        clientId: a.clientId,
        key: "banking.reconnect:",
      }),
    ).toBe(0);
    expect(
      await work.closeSystemTask(t.ctx, {
        firmId: a.firmId,
        clientId: a.clientId,
        key: "banking.reconnect:",
        prefix: true,
      }),
    ).toBe(1);
    const task = (await partner.inject(`/api/tasks/${first.id}`)).json();
    expect(task).toMatchObject({ status: "done", systemKey: "banking.reconnect:conn-1" });
    expect(
      await work.closeSystemTask(t.ctx, { firmId: a.firmId, clientId: a.clientId, key: input.key }),
    ).toBe(0);
  });
});
