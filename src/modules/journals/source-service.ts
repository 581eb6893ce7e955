// Use cases for recurring entries and schedules: save (checked against the models and the
// client's chart), list, read with the full table and the months already generated, switch off,
// delete (only while nothing was generated from it). Every change is audited.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { isoScale } from "../../platform/money.ts";
import * as ledger from "../ledger/index.ts";
import type { ClientScope } from "../access/index.ts";
import { journalsScope } from "./scope.ts";
import * as store from "./store.ts";
import { loanPayments, type LoanPayment } from "./loan-payments.ts";
import {
  recurringSpec,
  scheduleSpec,
  scheduleTable,
  type ScheduleTable,
  type SourceSpec,
} from "./source-input.ts";
import { termsFromJson, termsToJson } from "./terms-codec.ts";
import type { RecurringIn, ScheduleIn } from "./schemas.ts";

export type SourceInput = { type: "recurring"; body: RecurringIn } | { type: "schedule"; body: ScheduleIn };

export interface SourceDetail {
  source: store.SourceRow;
  table: ScheduleTable | null;
  runs: store.RunRow[];
  scale: number;
  /** A loan's periods and the bank lines that paid them (empty for other kinds). */
  payments: LoanPayment[];
}

const scaleOf = (s: ClientScope) => isoScale(s.homeCurrency);

function specOf(input: SourceInput, scale: number): SourceSpec {
  return input.type === "recurring" ? recurringSpec(input.body, scale) : scheduleSpec(input.body, scale);
}

/** Every account the source books to or reads from, with the field that named it. */
function accountsNamed(spec: SourceSpec): Array<[string, string]> {
  if (spec.source.kind !== "recurring")
    return Object.entries(spec.accounts).map(([role, id]) => [id, `accounts.${role}`]);
  return spec.source.terms.lines.flatMap((l, i): Array<[string, string]> => {
    if (l.kind === "split") return l.parts.map((p, j) => [p.accountId, `lines[${i}].parts[${j}].accountId`]);
    if (l.kind === "percent")
      return [
        [l.accountId, `lines[${i}].accountId`],
        [l.sourceAccountId, `lines[${i}].sourceAccountId`],
      ];
    return [[l.accountId, `lines[${i}].accountId`]];
  });
}

/** Refuses an account that is not in the client's chart or is inactive, naming the field. */
async function checkAccounts(ctx: Ctx, actor: Actor, s: ClientScope, spec: SourceSpec): Promise<void> {
  const chart = await ledger.listAccounts(ctx, actor, s.clientId, { includeInactive: true });
  const byId = new Map(chart.map((a) => [a.id, a]));
  for (const [id, field] of accountsNamed(spec)) {
    const account = byId.get(id);
    if (!account)
      throw validationError("journals/unknown-account", `no account ${id} in this client's chart`, { field });
    if (!account.is_active)
      throw validationError("journals/inactive-account", `${account.full_name} is inactive`, { field });
  }
}

async function audited(
  tx: Executor,
  actor: Actor,
  s: ClientScope,
  action: string,
  id: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(tx, actor, {
    action: `journals.source.${action}`,
    clientId: s.clientId,
    subjectType: "journal_source",
    subjectId: id,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  });
}

export async function createSource(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: SourceInput,
): Promise<store.SourceRow> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "manage");
    const spec = specOf(input, scaleOf(s));
    await checkAccounts({ ...ctx, db: tx }, actor, s, spec);
    const row = await store.insertSource(tx, s, {
      id: newId(),
      kind: spec.source.kind,
      name: spec.name,
      terms: termsToJson(spec.source.terms),
      accounts: spec.accounts,
      autoPost: spec.autoPost,
      autoReverse: spec.autoReverse,
      createdBy: actor.id,
      at: ctx.clock.now(),
    });
    await audited(tx, actor, s, "created", row.id, undefined, row);
    return row;
  });
}

async function existing(tx: Executor, s: ClientScope, id: string): Promise<store.SourceRow> {
  const row = await store.getSource(tx, s, id);
  if (!row) throw notFound("journals/not-found", `no recurring entry or schedule ${id}`);
  return row;
}

/** Replaces the terms: months already generated keep their entries; later months follow the new terms. */
export async function updateSource(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  input: SourceInput,
): Promise<store.SourceRow> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "manage");
    const before = await existing(tx, s, id);
    const spec = specOf(input, scaleOf(s));
    if (spec.source.kind !== before.kind)
      throw validationError(
        "journals/kind-changed",
        `this is a ${before.kind} entry; create a new one instead`,
        { field: "kind" },
      );
    await checkAccounts({ ...ctx, db: tx }, actor, s, spec);
    const row = await store.updateSource(tx, s, id, {
      name: spec.name,
      terms: termsToJson(spec.source.terms),
      accounts: spec.accounts,
      autoPost: spec.autoPost,
      autoReverse: spec.autoReverse,
      active: before.active,
      at: ctx.clock.now(),
    });
    await audited(tx, actor, s, "updated", id, before, row);
    return row;
  });
}

export async function setSourceActive(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  active: boolean,
) {
  return inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "manage");
    const before = await existing(tx, s, id);
    const row = await store.updateSource(tx, s, id, {
      name: before.name,
      terms: before.terms,
      accounts: before.accounts,
      autoPost: before.auto_post,
      autoReverse: before.auto_reverse,
      active,
      at: ctx.clock.now(),
    });
    await audited(tx, actor, s, active ? "activated" : "deactivated", id, before, row);
    return row;
  });
}

export async function deleteSource(ctx: Ctx, actor: Actor, clientRef: string, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "manage");
    const before = await existing(tx, s, id);
    if ((await store.runsOf(tx, s, { sourceId: id })).length > 0)
      throw conflict(
        "journals/has-entries",
        "entries were generated from it; switch it off instead of deleting it",
      );
    await store.deleteSource(tx, s, id);
    await audited(tx, actor, s, "deleted", id, before, undefined);
  });
}

export async function listSources(ctx: Ctx, actor: Actor, clientRef: string): Promise<store.SourceRow[]> {
  const s = await journalsScope(ctx.db, actor, clientRef, "view");
  return store.listSources(ctx.db, s);
}

export async function getSource(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<SourceDetail> {
  const s = await journalsScope(ctx.db, actor, clientRef, "view");
  const source = await existing(ctx.db, s, id);
  const table = scheduleTable(termsFromJson(source.kind, source.terms));
  const payments =
    table?.kind === "loan" ? await loanPayments(ctx, actor, s, source.accounts.payment, table.rows) : [];
  return {
    source,
    table,
    runs: await store.runsOf(ctx.db, s, { sourceId: id }),
    scale: scaleOf(s),
    payments,
  };
}
