// Cross-tenant access, route by route: every route of the OpenAPI document is called as a user of
// another firm, and as a client user of another client of the same firm. A route that names the
// victim's data (its client, ids, firm) must answer 403 or 404; no answer may contain the victim's
// data; and nothing of the victim's may change. New routes are covered as they are added.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { InjectOptions } from "fastify";
import { testDb, type TestDb } from "./support/db.ts";
import { testServer } from "./support/server.ts";
import { createUser, sessionFor, testIdentity, tokenCaller } from "./support/auth.ts";
import { clientWithChart, type ClientFixture } from "./support/fixtures.ts";
import type { App } from "../src/platform/http.ts";
import * as access from "../src/modules/access/index.ts";
import * as ledger from "../src/modules/ledger/index.ts";
import * as identity from "../src/modules/identity/index.ts";
import * as reports from "../src/modules/reports/index.ts";
import { notify } from "../src/modules/notifications/index.ts";
import * as work from "../src/modules/work/index.ts";
import * as documents from "../src/modules/documents/index.ts";
import { documentsCtx } from "../src/app/services.ts";
import * as vault from "../src/modules/vault/index.ts";
import { TEST_VAULT_KEY } from "./support/server.ts";
import { commsCtx } from "../src/app/comms.ts";
import * as comms from "../src/modules/comms/index.ts";
import * as journals from "../src/modules/journals/index.ts";
import * as close from "../src/modules/close/index.ts";
import { closeCtx } from "../src/app/close-blockers.ts";
import { LocalDiskStore } from "../src/platform/storage/index.ts";
import { testConfig } from "./support/server.ts";
import fs from "node:fs/promises";
import os from "node:os";
import nodePath from "node:path";
import { Readable } from "node:stream";
import {
  exampleOf,
  openApiDocument,
  operations,
  type ExampleChoices,
  type OpenApiDocument,
  type Operation,
  type Schema,
} from "./support/openapi.ts";

let t: TestDb;
let app: App;
let doc: OpenApiDocument;
let victim: ClientFixture; // firm "victim-firm", client "victim-books"
let sibling: ClientFixture; // another client of the victim firm
const ids: Record<string, string> = {};
/** What no one outside the victim firm may see; and what no user of another client may see. */
const firmMarkers: string[] = [];
const clientMarkers: string[] = [];
let outsider: identity.User; // Partner Admin of another firm
let neighbour: identity.User; // Client Admin of the sibling client, same firm
let blobDir: string;

beforeAll(async () => {
  t = await testDb();
  blobDir = await fs.mkdtemp(nodePath.join(os.tmpdir(), "closebook-xtenant-"));
  const blobs = await new LocalDiskStore(blobDir).open();
  app = await testServer(t, { anonymous: true, blobs });
  victim = await clientWithChart(t.ctx, "victim-books", "victim-firm");
  sibling = await clientWithChart(t.ctx, "sibling-books", "victim-firm");
  const entry = await ledger.postEntry(t.ctx, victim.actor, victim.slug, {
    date: "2026-03-02",
    description: "Victim Zebra Entry",
    lines: [
      { accountId: victim.account("1010"), amount: 123456n, currency: "USD" },
      { accountId: victim.account("4000"), amount: -123456n, currency: "USD" },
    ],
  });
  const contact = await ledger.createContact(t.ctx, victim.actor, victim.slug, {
    kind: "vendor",
    name: "Victim Zebra Vendor",
  });
  const dimension = await ledger.createDimension(t.ctx, victim.actor, victim.slug, {
    kind: "class",
    name: "Victim Zebra Class",
  });
  await ledger.setPeriodLock(t.ctx, victim.actor, victim.slug, "2026-01", true);
  // A generated report package, whose notes and id are the victim's.
  const reportPackage = await reports.requestPackage(
    t.ctx,
    victim.actor,
    victim.slug,
    { month: "2026-03", notes: "Victim Zebra Package Notes" },
    { queue: false },
  );
  await reports.runPackageJob(t.ctx, {
    firmId: victim.firmId,
    clientId: victim.clientId,
    packageId: reportPackage.id,
  });
  const victimAdmin = await createUser(t, {
    firmId: victim.firmId,
    role: "partner_admin",
    email: "zebra.admin@victim.test",
    name: "Zebra Admin",
  });
  const victimClientUser = await createUser(t, {
    firmId: victim.firmId,
    role: "client_admin",
    clients: [victim.clientId],
    email: "zebra.client@victim.test",
  });
  const session = await sessionFor(t, app, victimAdmin);
  const token = await identity.createToken(
    testIdentity(t),
    (await identity.actorForUser(t.ctx.db, victimAdmin))!,
    { name: "Victim Zebra Token", role: "client_ops", clientId: victim.clientId },
  );
  await notify(
    { ...t.ctx, delivery: testIdentity(t).delivery, baseUrl: "http://x", emailsOf: identity.emailsOf },
    {
      firmId: victim.firmId,
      userIds: [victimAdmin.id],
      event: "task.assigned",
      title: "Victim Zebra Notification",
    },
  );
  // A folder and a document of the victim's, so the documents routes are tried on real ids.
  const dctx = documentsCtx(testConfig(), t.ctx, blobs);
  const folder = (await documents.listFolders(dctx, victim.actor, victim.slug)).find(
    (f) => f.name === "Tax",
  )!;
  const victimDoc = await documents.uploadDocument(dctx, victim.actor, victim.slug, {
    folderId: folder.id,
    fileName: "Victim Zebra Return.pdf",
    stream: Readable.from([Buffer.from("%PDF-1.4\nVictim Zebra\n%%EOF\n")]),
  });
  const notification = (await t.ctx.db
    .selectFrom("notifications" as never)
    .select("id" as never)
    .executeTakeFirstOrThrow()) as { id: string };
  // Work: a task (assigned to the client, so that its own users would see it), a project, a template.
  const task = await work.createTask(t.ctx, victim.actor, {
    client: victim.slug,
    type: "document_upload_request",
    title: "Victim Zebra Task",
    folder: "Victim Zebra Folder",
    assignee: { kind: "client" },
    checklist: ["Victim Zebra Item"],
  });
  const project = await work.createProject(t.ctx, victim.actor, {
    client: victim.slug,
    name: "Victim Zebra Project",
  });
  const template = await work.createTemplate(t.ctx, victim.actor, {
    name: "Victim Zebra Template",
    recurrence: "monthly",
    blueprints: [
      {
        title: "Victim Zebra Blueprint",
        type: "custom",
        description: "",
        priority: "normal",
        due: { kind: "day_of_month", day: 3 },
        assignee: { kind: "client" },
        checklist: [],
      },
    ],
  });
  await work.addTemplateClient(t.ctx, victim.actor, template.id, { client: victim.slug });
  // The vault: a login of the victim's (its client's users allowed in), and a credential request.
  const vctx = { ...t.ctx, master: TEST_VAULT_KEY };
  const vaultEntry = await vault.createEntry(vctx, victim.actor, victim.slug, {
    site: "Victim Zebra Bank",
    username: "zebra.login@victim.test",
    password: "Victim Zebra Password",
  });
  await vault.updateSettings(vctx, victim.actor, victim.slug, { clientAccess: true });
  const credentialRequest = await vault.requestCredentials(vctx, victim.actor, victim.slug, {
    site: "Victim Zebra Payroll",
  });
  // The Close Tracker: the firm's holidays and a month of the victim's in progress.
  await close.replaceHolidays(t.ctx, victim.actor, [{ day: "2026-03-16", name: "Victim Zebra Holiday" }]);
  await close.updateMonth(closeCtx(t.ctx), victim.actor, victim.slug, "2026-03", {
    status: "in_progress",
    informationReceivedOn: "2026-04-01",
  });
  // A comment the client may see (visibility "client"), so client-side refusals are real ones.
  const comment = await comms.createComment(commsCtx(t.ctx), victim.actor, victim.slug, {
    object: `journal_entry:${entry.id}`,
    body: "Victim Zebra Comment",
    visibility: "client",
  });
  // JE Automation: a schedule and a recurring entry, and the month's generated entries.
  const jeSchedule = await journals.createSource(t.ctx, victim.actor, victim.slug, {
    type: "schedule",
    body: {
      kind: "prepaid",
      name: "Victim Zebra Prepaid",
      amount: "300.00",
      startMonth: "2026-03",
      months: 3,
      accounts: { expense: victim.account("6250"), prepaid: victim.account("1300") },
    },
  });
  const jeRecurring = await journals.createSource(t.ctx, victim.actor, victim.slug, {
    type: "recurring",
    body: {
      name: "Victim Zebra Accrual",
      frequency: "monthly",
      day: "last",
      startMonth: "2026-03",
      lines: [
        { kind: "fixed", accountId: victim.account("6800"), amount: "10.00" },
        { kind: "balancing", accountId: victim.account("2000") },
      ],
    },
  });
  const jeRun = (await journals.generateMonth(t.ctx, victim.actor, victim.slug, "2026-03")).items[0]!.run!;
  const sessionRow = await sql<{
    id: string;
  }>`select id from sessions where user_id = ${victimAdmin.id}::uuid`.execute(t.ctx.db);
  Object.assign(ids, {
    firm: victim.firmId,
    client: victim.clientId,
    clientSlug: victim.slug,
    account: victim.account("1010"),
    entry: entry.id,
    contact: contact.id,
    dimension: dimension.id,
    user: victimClientUser.id,
    admin: victimAdmin.id,
    token: token.row.id,
    notification: notification.id,
    session: sessionRow.rows[0]!.id,
    reportPackage: reportPackage.id,
    task: task.id,
    project: project.id,
    template: template.id,
    folder: folder.id,
    document: victimDoc.document.id,
    vaultEntry: vaultEntry.id,
    credentialRequest: credentialRequest.taskId,
    comment: comment.comment.id,
    jeSchedule: jeSchedule.id,
    jeRecurring: jeRecurring.id,
    jeRun: jeRun.id,
  });
  clientMarkers.push(
    ids.client!,
    ids.account!,
    ids.entry!,
    ids.contact!,
    ids.dimension!,
    ids.user!,
    ids.token!,
    ids.admin!,
    ids.notification!,
    ids.session!,
    ids.reportPackage!,
    ids.task!,
    ids.project!,
    ids.template!,
    ids.folder!,
    ids.document!,
    ids.vaultEntry!,
    ids.credentialRequest!,
    ids.comment!,
    ids.jeSchedule!,
    ids.jeRecurring!,
    ids.jeRun!,
    "Victim Zebra Prepaid",
    "victim-books",
    "Victim Zebra",
    "zebra.admin@victim.test",
    "zebra.client@victim.test",
    session.csrfToken,
    token.token,
  );
  firmMarkers.push(...clientMarkers, ids.firm!, "victim-firm");
  outsider = await createUser(t, {
    firmId: (await access.createFirm(t.ctx.db, { slug: "outsider-firm", name: "Outsider" })).id,
    role: "partner_admin",
  });
  neighbour = await createUser(t, {
    firmId: victim.firmId,
    role: "client_admin",
    clients: [sibling.clientId],
  });
  doc = await openApiDocument(app);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
  if (blobDir) await fs.rm(blobDir, { recursive: true, force: true });
});

/** Path parameters that name someone's data; a route with one must refuse another tenant. */
const TENANT_PARAMS = new Set(["client", "id", "firm", "token"]);

/** Routes that are public content on purpose (the help center). */
const PUBLIC_CONTENT = [/^\/api\/help/];

function idFor(path: string, victimSide: boolean): string {
  const before = path.split("/{id}")[0]!.split("/").at(-1);
  const byCollection: Record<string, string> = {
    accounts: ids.account!,
    "journal-entries": ids.entry!,
    contacts: ids.contact!,
    dimensions: ids.dimension!,
    users: ids.user!,
    tokens: ids.token!,
    notifications: ids.notification!,
    sessions: ids.session!,
    "report-packages": ids.reportPackage!,
    tasks: ids.task!,
    projects: ids.project!,
    "project-templates": ids.template!,
    folders: ids.folder!,
    documents: ids.document!,
    vault: ids.vaultEntry!,
    requests: ids.credentialRequest!,
    comments: ids.comment!,
    schedules: ids.jeSchedule!,
    recurring: ids.jeRecurring!,
  };
  return byCollection[before ?? ""] ?? (victimSide ? ids.entry! : ids.client!);
}

function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    switch (name) {
      case "client":
        return ids.clientSlug!;
      case "id":
        return idFor(path, true);
      case "firm":
        return "victim-firm";
      case "token":
        return "A".repeat(43);
      case "month":
        return "2026-03";
      case "document":
        return ids.document!;
      case "kind":
        return "logo";
      case "run":
        return ids.jeRun!;
      case "method":
        return "email";
      default:
        return ids.client!;
    }
  });
}

/** Example values that point any id at the victim's data. */
const choices: ExampleChoices = {
  property: (key, example) => (/^client(Id|Ids)?$|accountId/.test(key) ? example() : undefined),
  oneItem: (name) => /clientIds/.test(name),
  text(s, name) {
    if (/^(folder|folderId|parentId)$/.test(name)) return ids.folder;
    if (s.format === "uuid" || /clientId|accountId|Id$/.test(name))
      return name.toLowerCase().includes("account") ? ids.account : ids.client;
    if (s.format === "email" || /email/i.test(name)) return "probe@outsider.test";
    if (s.pattern?.includes("\\d{4}-\\d{2}-\\d{2}") || /date|from|to|asOf/i.test(name)) return "2026-03-15";
    if (s.pattern?.includes("\\d{4}-\\d{2}$")) return "2026-03";
    if (s.pattern?.includes("\\d")) return "1";
    if (/password/i.test(name)) return "probe passphrase long";
    if (/code/i.test(name)) return "123456";
    if (/phone/i.test(name)) return "+15550001111";
    if (/url/i.test(name)) return "https://probe.example";
    if (name === "client") return ids.clientSlug;
    return "probe";
  },
};

/** A small valid value for a JSON schema, pointing any id at the victim's data. */
function example(input: Schema | undefined, name = ""): unknown {
  return exampleOf(doc, choices, input, name);
}

function request(method: string, path: string, op: Operation): InjectOptions {
  const url = fill(path);
  const query = new URLSearchParams();
  for (const p of op.parameters ?? [])
    if (p.in === "query" && p.required) query.set(p.name, String(example(p.schema, p.name)));
  const o: InjectOptions = {
    method: method.toUpperCase() as "GET",
    url: query.size ? `${url}?${query}` : url,
  };
  const content = op.requestBody?.content ?? {};
  if (content["multipart/form-data"]) {
    const boundary = "xtenant";
    o.payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\r\n--${boundary}--\r\n`;
    o.headers = { "content-type": `multipart/form-data; boundary=${boundary}` };
  } else if (content["application/json"]) {
    o.payload = (example(content["application/json"].schema) ?? {}) as object;
  }
  return o;
}

/** A fingerprint of every row of the victim firm, but the neighbour's own (its sessions, its sign-in time). */
async function snapshot(): Promise<Record<string, string>> {
  const columns = (
    await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_name in ('firm_id', 'user_id') and table_name not in ('audit_events', 'auth_throttles')`.execute(
      t.ctx.db,
    )
  ).rows;
  const tables = [
    ...new Set(columns.filter((c) => c.column_name === "firm_id").map((c) => c.table_name)),
  ].sort();
  const out: Record<string, string> = {};
  for (const table of tables) {
    const owner =
      table === "users"
        ? "id"
        : columns.some((c) => c.table_name === table && c.column_name === "user_id")
          ? "user_id"
          : null;
    const notNeighbour = owner ? sql`and ${sql.ref(owner)} <> ${neighbour.id}::uuid` : sql``;
    const rows = await sql<{
      h: string;
    }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.table(table)} t where firm_id = ${victim.firmId}::uuid ${notNeighbour}`.execute(
      t.ctx.db,
    );
    out[table] = rows.rows[0]!.h;
  }
  return out;
}

describe("cross-tenant access over every route of the OpenAPI document", () => {
  it("refuses another firm's user and another client's user everything of the victim's", async () => {
    const before = await snapshot();
    const routes = operations(doc);
    expect(routes.length).toBeGreaterThan(60);
    const failures: string[] = [];
    const callers = [
      { name: "user of another firm", make: () => sessionFor(t, app, outsider), markers: firmMarkers },
      {
        name: "client user of another client",
        make: () => sessionFor(t, app, neighbour),
        markers: clientMarkers,
      },
    ];
    for (const { path, method, op } of routes) {
      if (PUBLIC_CONTENT.some((r) => r.test(path))) continue;
      const targetsVictim = [...path.matchAll(/\{(\w+)\}/g)].some((m) => TENANT_PARAMS.has(m[1]!));
      for (const caller of callers) {
        const who = await caller.make(); // a fresh session: some routes sign out
        const req = request(method, path, op);
        const res = await who.inject(req);
        const label = `${method.toUpperCase()} ${path} as ${caller.name} → ${res.statusCode}`;
        // A browser redirect back to the sign-in page with an error is the refusal of the SSO callback.
        const refused =
          [403, 404].includes(res.statusCode) ||
          (res.statusCode === 302 && String(res.headers.location).startsWith("/sign-in?error="));
        if (targetsVictim && !refused)
          failures.push(`${label}: expected 403 or 404 (${res.body.slice(0, 160)})`);
        if (res.statusCode >= 500) failures.push(`${label}: server error ${res.body.slice(0, 160)}`);
        // What the caller sent may come back (an error naming the field); anything else may not.
        const sent = `${req.url} ${JSON.stringify(req.payload ?? "")}`;
        const leaked = caller.markers.find(
          (m) => !sent.includes(m) && (res.body.includes(m) || JSON.stringify(res.headers).includes(m)),
        );
        if (leaked) failures.push(`${label}: the answer contains the victim's "${leaked}"`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // Three callers over every route (over 150 now): it grows with the API, past the default minute
    // on a busy machine.
  }, 240_000);

  it("gives an API token of another client nothing either", async () => {
    const bot = await tokenCaller(t, app, {
      firmId: victim.firmId,
      role: "client_admin",
      clientId: sibling.clientId,
    });
    for (const url of [
      `/api/clients/${victim.slug}/accounts`,
      `/api/clients/${victim.clientId}/journal-entries/${ids.entry}`,
      `/api/users/${ids.user}`,
    ]) {
      const res = await bot.inject(url);
      expect([403, 404], url).toContain(res.statusCode);
      expect(res.body).not.toContain("Victim Zebra");
    }
  });

  it("keeps the victim's Activity Hub items (postings, comments, tasks, sign-ins) to the victim", async () => {
    const admin = await sessionFor(t, app, (await identity.users.userById(t.ctx.db, ids.admin!))!);
    const own = (await admin.inject("/api/activity?limit=100&kind=posting,comment,task")).json() as {
      items: Array<{ client: unknown }>;
    };
    expect(JSON.stringify(own.items)).toContain("victim-books"); // the feed does show them to the firm
    for (const [caller, url, markers] of [
      [outsider, "/api/activity?limit=100", firmMarkers],
      [outsider, `/api/activity?client=${ids.client}`, firmMarkers],
      [neighbour, "/api/activity?limit=100", clientMarkers],
      [neighbour, "/api/activity?client=victim-books", clientMarkers],
      [neighbour, `/api/clients/${ids.client}/activity`, clientMarkers],
    ] as const) {
      const res = await (await sessionFor(t, app, caller)).inject(url);
      if (url.includes("client")) expect([403, 404], url).toContain(res.statusCode);
      else expect(res.statusCode, url).toBe(200);
      const sent = url;
      for (const marker of markers)
        if (!sent.includes(marker)) expect(res.body, `${url} leaks ${marker}`).not.toContain(marker);
    }
    // The navigation's unread count counts only what their own feed lists (none of the victim's).
    for (const caller of [outsider, neighbour]) {
      const who = await sessionFor(t, app, caller);
      const listed = (
        (await who.inject("/api/activity?unread=true&limit=100")).json() as { items: unknown[] }
      ).items.length;
      expect((await who.inject("/api/activity/unread")).json()).toMatchObject({ unread: listed });
    }
  });
});
