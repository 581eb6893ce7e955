// Hostile values on every route of the OpenAPI document, as a signed-in Partner Admin of the firm:
// each path, query and body value in turn gets a NUL, a lone surrogate, an overlong text, an
// impossible date, a number beyond 64 bits or a value of the wrong type. Every answer must be a 4xx
// problem document (never a 5xx, never a success) and nothing may change. New routes are covered
// as they are added.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { InjectOptions } from "fastify";
import { testDb, type TestDb } from "./support/db.ts";
import { testServer } from "./support/server.ts";
import { signedIn, type Caller } from "./support/auth.ts";
import { clientWithChart, type ClientFixture } from "./support/fixtures.ts";
import type { App } from "../src/platform/http.ts";
import * as ledger from "../src/modules/ledger/index.ts";
import * as work from "../src/modules/work/index.ts";
import * as documents from "../src/modules/documents/index.ts";
import { documentsCtx } from "../src/app/services.ts";
import * as vault from "../src/modules/vault/index.ts";
import { TEST_VAULT_KEY } from "./support/server.ts";
import { commsCtx } from "../src/app/comms.ts";
import * as comms from "../src/modules/comms/index.ts";
import * as journals from "../src/modules/journals/index.ts";
import { testConfig } from "./support/server.ts";
import { TEXT_LIMITS } from "../src/platform/text-limits.ts";
import {
  exampleOf,
  kindOf as kindIn,
  openApiDocument,
  operations,
  type ExampleChoices,
  type OpenApiDocument,
  type Operation,
  type Schema,
} from "./support/openapi.ts";

let t: TestDb;
let app: App;
let admin: Caller;
let books: ClientFixture;
let doc: OpenApiDocument;
const ids: Record<string, string> = {};

/** Longer than any text limit. */
const OVERLONG = "x".repeat(Math.max(...Object.values(TEXT_LIMITS)) + 1);
const HUGE_DECIMAL = "99999999999999999.99";

beforeAll(async () => {
  t = await testDb();
  app = await testServer(t, { anonymous: true });
  books = await clientWithChart(t.ctx, "fuzz-books", "fuzz-firm");
  admin = await signedIn(t, app, { firmId: books.firmId, role: "partner_admin" });
  const entry = await ledger.postEntry(t.ctx, books.actor, books.slug, {
    date: "2026-03-02",
    description: "Fuzz entry",
    lines: [
      { accountId: books.account("1010"), amount: 1234n, currency: "USD" },
      { accountId: books.account("4000"), amount: -1234n, currency: "USD" },
    ],
  });
  const contact = await ledger.createContact(t.ctx, books.actor, books.slug, { kind: "vendor", name: "V" });
  const dimension = await ledger.createDimension(t.ctx, books.actor, books.slug, {
    kind: "class",
    name: "C",
  });
  const task = await work.createTask(t.ctx, books.actor, {
    client: books.slug,
    type: "custom",
    title: "Fuzz task",
    checklist: ["one"],
  });
  const project = await work.createProject(t.ctx, books.actor, { client: books.slug, name: "Fuzz project" });
  const template = await work.createTemplate(t.ctx, books.actor, {
    name: "Fuzz template",
    recurrence: "monthly",
    blueprints: [
      {
        title: "T",
        type: "custom",
        description: "",
        priority: "normal",
        due: { kind: "last_business_day" },
        assignee: { kind: "none" },
        checklist: [],
      },
    ],
  });
  const vctx = { ...t.ctx, master: TEST_VAULT_KEY };
  const vaultEntry = await vault.createEntry(vctx, books.actor, books.slug, {
    site: "Fuzz site",
    password: "p",
  });
  const credentialRequest = await vault.requestCredentials(vctx, books.actor, books.slug, { site: "Fuzz" });
  const comment = await comms.createComment(commsCtx(t.ctx), books.actor, books.slug, {
    object: `journal_entry:${entry.id}`,
    body: "Fuzz comment",
    visibility: "firm",
  });
  const schedule = await journals.createSource(t.ctx, books.actor, books.slug, {
    type: "schedule",
    body: {
      kind: "prepaid",
      name: "Fuzz prepaid",
      amount: "300.00",
      startMonth: "2026-03",
      months: 3,
      accounts: { expense: books.account("6250"), prepaid: books.account("1300") },
    },
  });
  const recurring = await journals.createSource(t.ctx, books.actor, books.slug, {
    type: "recurring",
    body: {
      name: "Fuzz accrual",
      frequency: "monthly",
      day: 1,
      startMonth: "2026-03",
      lines: [
        { kind: "fixed", accountId: books.account("6800"), amount: "1.00" },
        { kind: "balancing", accountId: books.account("2000") },
      ],
    },
  });
  const run = (await journals.generateMonth(t.ctx, books.actor, books.slug, "2026-03")).items[0]!.run!;
  const folders = await documents.listFolders(documentsCtx(testConfig(), t.ctx), books.actor, books.slug);
  Object.assign(ids, {
    folder: folders.find((f) => f.name === "Tax")!.id,
    tasks: task.id,
    projects: project.id,
    "project-templates": template.id,
    accounts: books.account("1010"),
    "journal-entries": entry.id,
    contacts: contact.id,
    dimensions: dimension.id,
    users: admin.userId,
    vault: vaultEntry.id,
    requests: credentialRequest.taskId,
    comments: comment.comment.id,
    schedules: schedule.id,
    recurring: recurring.id,
    run: run.id,
  });
  doc = await openApiDocument(app);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const kindOf = (s: Schema | undefined) => kindIn(doc, s);

const isDate = (s: Schema | undefined, name: string) =>
  Boolean(s?.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) || /^(date|from|to|asOf)$/.test(name);
const isDecimal = (s: Schema | undefined, name: string) =>
  Boolean(s?.pattern?.includes("\\.\\d")) ||
  /^(amount|debit|credit|min|max|minAmount|maxAmount|materiality)$/.test(name);

/** Parts a body needs to get past the business rules to the field being probed. */
const OPTIONAL_EXAMPLES: Record<string, unknown> = {
  actions: { memo: "probe" }, // a rule sets at least one thing
};

const choices: ExampleChoices = {
  property: (key) => (key in OPTIONAL_EXAMPLES ? structuredClone(OPTIONAL_EXAMPLES[key]) : undefined),
  text(s, name) {
    if (s.format === "uuid" || /Id$/.test(name)) return /account/i.test(name) ? ids.accounts : books.clientId;
    if (s.format === "email" || /email/i.test(name)) return "probe@fuzz.test";
    if (isDate(s, name)) return "2026-03-15";
    if (s.pattern?.includes("\\d{4}-\\d{2}$")) return "2026-03";
    if (isDecimal(s, name)) return "1.00";
    if (/password/i.test(name)) return "probe passphrase long";
    if (/code/i.test(name)) return "123456";
    if (/url/i.test(name)) return "https://probe.example";
    return "probe";
  },
};

/** A small valid value for a JSON schema (required properties, and the parts above). */
function example(input: Schema | undefined, name = ""): unknown {
  return exampleOf(doc, choices, input, name);
}

/** Hostile values for a value of this schema (JSON values; the query string gets their text). */
function hostile(input: Schema | undefined, name: string): Array<[string, unknown]> {
  const { s, type } = kindOf(input);
  const text: Array<[string, unknown]> = [
    ["NUL", "ok\u0000ok"],
    ["lone surrogate", "ok\uD800ok"],
    ["overlong text", OVERLONG],
  ];
  switch (type) {
    case "string":
    case "enum":
    case undefined: {
      const out = [...text, ["wrong type", { not: "a string" }] as [string, unknown]];
      if (isDate(s, name)) out.push(["impossible date", "2023-02-30"], ["impossible month", "2023-13-01"]);
      if (isDecimal(s, name)) out.push(["amount beyond 64 bits", HUGE_DECIMAL]);
      return out;
    }
    case "integer":
    case "number":
      return [
        ["huge number", 1e300],
        ["beyond 64 bits", "99999999999999999999999"],
        ["wrong type", "12abc"],
      ];
    case "boolean":
      return [["wrong type", "maybe"]];
    case "array":
      return [["wrong type", "not-an-array"]];
    case "object":
      return [["wrong type", "not-an-object"]];
    default:
      return text;
  }
}

/** Every leaf of a body schema, as a path of keys (array items as index 0), up to depth 3. */
function leaves(
  input: Schema | undefined,
  path: Array<string | number> = [],
  depth = 3,
): Array<{
  path: Array<string | number>;
  schema: Schema;
}> {
  const { s, type } = kindOf(input);
  if (!s) return [];
  if (type === "object" && s.properties && depth > 0)
    return Object.entries(s.properties).flatMap(([k, p]) => leaves(p, [...path, k], depth - 1));
  if (type === "array" && s.items && depth > 0) {
    const items = kindOf(s.items);
    if (items.type === "object") return [{ path, schema: s }, ...leaves(s.items, [...path, 0], depth - 1)];
  }
  return path.length ? [{ path, schema: s }] : [];
}

/** The body's example with `value` at `path`, creating what leads there. */
function bodyWith(schema: Schema, path: Array<string | number>, value: unknown): unknown {
  const root = (example(schema) ?? {}) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  let nodeSchema: Schema | undefined = schema;
  path.forEach((key, i) => {
    const { s, type } = kindOf(nodeSchema);
    const childSchema = type === "array" ? s?.items : s?.properties?.[key as string];
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const existing = node[key];
    const { type: childType } = kindOf(childSchema);
    if (existing === undefined || existing === null || typeof existing !== "object")
      node[key] = childType === "array" ? [] : (example(childSchema, String(key)) ?? {});
    if (childType === "array" && (node[key] as unknown[]).length === 0)
      (node[key] as unknown[]).push(example(kindOf(childSchema).s?.items, String(key)) ?? {});
    node = node[key] as Record<string | number, unknown>;
    nodeSchema = childSchema;
  });
  return root;
}

function pathValue(path: string, name: string): string {
  switch (name) {
    case "client":
      return books.slug;
    case "id": {
      const collection = path.split("/{id}")[0]!.split("/").at(-1)!;
      return ids[collection] ?? "6f1c2b1e-8d3a-4c5b-9e7f-0a1b2c3d4e5f";
    }
    case "accountId":
      return ids.accounts!;
    case "month":
      return "2026-03";
    case "run":
      return ids.run!;
    case "kind":
      return "logo";
    case "method":
      return "email";
    case "token":
      return "A".repeat(43);
    case "firm":
      return "fuzz-firm";
    case "slug":
      return "getting-started";
    case "item":
    case "document":
      return "6f1c2b1e-8d3a-4c5b-9e7f-0a1b2c3d4e5f";
    default:
      return "checking";
  }
}

/** Query and path text for a hostile value (a lone surrogate cannot be percent-encoded: raw bytes). */
function urlText(value: unknown): string {
  if (value === "ok\uD800ok") return "ok%ED%A0%80ok";
  const text = typeof value === "string" ? value : typeof value === "object" ? "[object]" : String(value);
  return encodeURIComponent(text);
}

interface Probe {
  label: string;
  request: InjectOptions;
  /** The field the refusal must name (a 400 names what was wrong, not something else). */
  field?: string;
}

const routerProbed = new Set<string>();

function probes(method: string, path: string, op: Operation): Probe[] {
  const out: Probe[] = [];
  const params = op.parameters ?? [];
  const urlWith = (override?: { in: string; name: string; text: string }) => {
    const url = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      override?.in === "path" && override.name === name
        ? override.text
        : encodeURIComponent(pathValue(path, name)),
    );
    const query: string[] = [];
    for (const p of params.filter((p) => p.in === "query")) {
      if (override?.in === "query" && override.name === p.name) query.push(`${p.name}=${override.text}`);
      else if (p.required) query.push(`${p.name}=${encodeURIComponent(String(example(p.schema, p.name)))}`);
    }
    return query.length ? `${url}?${query.join("&")}` : url;
  };
  const content = op.requestBody?.content ?? {};
  const bodySchema = content["application/json"]?.schema;
  const baseBody = bodySchema ? example(bodySchema) : undefined;
  const M = method.toUpperCase() as "GET";
  for (const p of params.filter((p) => p.in === "path" || p.in === "query")) {
    for (const [what, value] of hostile(p.schema, p.name)) {
      // A URL is text: no other type reaches the server, and a surrogate cannot be encoded in one
      // (its bytes are invalid UTF-8: a path refuses them, a query string keeps them as written).
      if (
        what === "wrong type" &&
        (p.in === "path" || !kindOf(p.schema).type?.match(/integer|number|boolean/))
      )
        continue;
      if (what === "lone surrogate" && p.in === "query") continue;
      // The router refuses an undecodable or overlong path segment before any route runs (no
      // field to name): once per parameter name is enough; NUL reaches every route.
      if (p.in === "path" && what !== "NUL") {
        if (routerProbed.has(`${p.name} ${what}`)) continue;
        routerProbed.add(`${p.name} ${what}`);
      }
      out.push({
        label: `${p.in} ${p.name}: ${what}`,
        ...(p.in === "path" && what !== "NUL" ? {} : { field: p.name }),
        request: {
          method: M,
          url: urlWith({ in: p.in, name: p.name, text: urlText(value) }),
          ...(baseBody !== undefined ? { payload: baseBody as object } : {}),
        },
      });
    }
  }
  if (bodySchema) {
    // NUL and lone surrogates are refused for every body by one platform hook: two leaves of each
    // body prove it is in place; limits, dates and amounts belong to each field, so all leaves.
    let characterProbes = 2;
    for (const leaf of leaves(bodySchema)) {
      const name = String(leaf.path.filter((k) => typeof k === "string").at(-1) ?? "");
      const values = hostile(leaf.schema, name);
      const character = values.some(([what]) => what === "NUL") && characterProbes-- > 0;
      for (const [what, value] of values) {
        if ((what === "NUL" || what === "lone surrogate") && !character) continue;
        out.push({
          label: `body ${leaf.path.join(".")}: ${what}`,
          field: leaf.path.join("."),
          request: { method: M, url: urlWith(), payload: bodyWith(bodySchema, leaf.path, value) as object },
        });
      }
    }
    out.push({
      label: "body: an array instead of an object",
      request: { method: M, url: urlWith(), payload: [] },
    });
  }
  return out;
}

/** Multipart uploads (statement imports) name their file and fields outside the JSON schemas. */
function multipartProbes(): Probe[] {
  const boundary = "fuzzboundary";
  const part = (disposition: string, body: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n${body}\r\n`;
  const csv = "Date,Amount,Description\n2026-03-02,-4.50,Coffee\n";
  const payload = (fileName: string, format: string) =>
    part(`name="format"`, format) + part(`name="file"; filename="${fileName}"`, csv) + `--${boundary}--\r\n`;
  const headers = { "content-type": `multipart/form-data; boundary=${boundary}` };
  const out: Probe[] = [];
  for (const url of [`/api/clients/${books.slug}/imports`, `/api/clients/${books.slug}/imports/preview`]) {
    out.push(
      {
        label: `${url} filename: NUL`,
        request: { method: "POST", url, headers, payload: payload("a\u0000.csv", "csv") },
      },
      {
        label: `${url} format: NUL`,
        request: { method: "POST", url, headers, payload: payload("a.csv", "c\u0000sv") },
      },
    );
  }
  // Write-up batches: a NUL in a file name or a field, an unknown start-date choice, no files.
  const writeUps = `/api/clients/${books.slug}/reconciliations/write-ups`;
  const filePart = (name: string) => part(`name="files"; filename="${name}"`, csv);
  for (const [what, body] of [
    ["filename: NUL", part(`name="bankAccount"`, "checking") + filePart("a\u0000.csv")],
    ["bankAccount: NUL", part(`name="bankAccount"`, "chec\u0000king") + filePart("a.csv")],
    [
      "startDate: unknown",
      part(`name="bankAccount"`, "checking") + part(`name="startDate"`, "sideways") + filePart("a.csv"),
    ],
    ["no files", part(`name="bankAccount"`, "checking")],
    ["no bankAccount", filePart("a.csv")],
  ])
    out.push({
      label: `${writeUps} ${what}`,
      request: { method: "POST", url: writeUps, headers, payload: `${body}--${boundary}--\r\n` },
    });
  // Documents: a file name with a NUL or a path in it is refused before anything is stored.
  for (const url of [
    `/api/clients/${books.slug}/documents?folder=${ids.folder}`,
    `/api/clients/${books.slug}/documents/archive?folder=${ids.folder}`,
    `/api/clients/${books.slug}/receipts`,
    `/api/tasks/${ids.tasks}/upload`,
  ]) {
    for (const [what, name] of [
      ["NUL", "a\u0000.pdf"],
      ["a path", "../../a.pdf"],
    ])
      out.push({
        label: `${url} filename: ${what}`,
        request: {
          method: "POST",
          url,
          headers,
          payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`,
        },
      });
  }
  return out;
}

/** Row counts of every table but the ones each request touches (sessions, throttles). */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = (
    await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
        and table_name not in ('sessions', 'auth_throttles', 'kysely_migration', 'kysely_migration_lock')
      order by table_name`.execute(t.ctx.db)
  ).rows.map((r) => r.table_name);
  const out: Record<string, string> = {};
  for (const table of tables) {
    const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(t.ctx.db);
    out[table] = r.rows[0]!.n;
  }
  return out;
}

describe("hostile values on every route of the OpenAPI document", () => {
  // About 1,100 requests: some 10 s on an idle machine; the timeout leaves room for a busy one.
  it("answers each with a 4xx problem document and changes nothing", { timeout: 240_000 }, async () => {
    const before = await fingerprint();
    const routes = operations(doc);
    expect(routes.length).toBeGreaterThan(100);
    const all = [
      ...routes.flatMap(({ path, method, op }) =>
        probes(method, path, op).map((p) => ({ ...p, label: `${method.toUpperCase()} ${path} ${p.label}` })),
      ),
      ...multipartProbes(),
    ];
    expect(all.length).toBeGreaterThan(500);
    const failures: string[] = [];
    const check = async (probe: Probe) => {
      const res = await admin.inject(probe.request);
      const label = `${probe.label} → ${res.statusCode}`;
      // The SSO callback is a browser redirect: its refusal sends the person back to the sign-in page.
      if (res.statusCode === 302 && String(res.headers.location).startsWith("/sign-in?error=")) return;
      if (res.statusCode < 400 || res.statusCode >= 500) {
        failures.push(`${label}: ${res.body.slice(0, 200)}`);
        return;
      }
      const type = String(res.headers["content-type"]);
      if (!type.startsWith("application/problem+json")) failures.push(`${label}: answered ${type}`);
      else if (res.json().status !== res.statusCode) failures.push(`${label}: problem status differs`);
      else if (res.statusCode === 400 && probe.field) {
        const problem = res.json() as { field?: string; errors?: Array<{ field: string }> };
        // "lines[0].memo" and "lines.0.memo" alike; a union names the member that failed as a whole.
        const named = [problem.field, ...(problem.errors ?? []).map((e) => e.field)]
          .filter((f): f is string => Boolean(f))
          .map((f) => f.replace(/\[(\d+)\]/g, ".$1"));
        const probed = `.${probe.field}.`;
        if (!named.some((f) => `.${f}.`.includes(probed) || probed.startsWith(`.${f}.`)))
          failures.push(
            `${label}: the refusal names ${named.join(", ") || "no field"}: ${res.body.slice(0, 200)}`,
          );
      }
    };
    // A few at a time: refusals are independent, and the database waits overlap.
    for (let i = 0; i < all.length; i += 4) await Promise.all(all.slice(i, i + 4).map(check));
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    // The Partner Admin is still signed in: no probe signed them out and turned the rest into 401s.
    expect((await admin.inject("/api/me")).statusCode).toBe(200);
  });

  it("documents a length limit for every text a request may carry (TEXT_LIMITS, in the OpenAPI document)", () => {
    const unbounded: string[] = [];
    const bounded = (s: Schema | undefined) =>
      typeof s?.maxLength === "number" || s?.format === "uuid" || /^\^[^+*]*\$$/.test(s?.pattern ?? "+"); // a fixed-length pattern such as a date
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) {
        const { s, type } = kindOf(p.schema);
        if (type === "string" && !bounded(s)) unbounded.push(`${where} ${p.in} ${p.name}`);
      }
      const body = op.requestBody?.content["application/json"]?.schema;
      for (const leaf of body ? leaves(body, [], 6) : []) {
        const { s, type } = kindOf(leaf.schema);
        if (type === "string" && !bounded(s)) unbounded.push(`${where} body ${leaf.path.join(".")}`);
      }
    }
    expect(unbounded).toEqual([]);
  });
});
