// Use cases for a client's rules: list, read, create (by hand or from a correction), edit (the
// version goes up), enable/disable and delete. Each rule is checked against the client's chart and
// classes before it is saved; every change is audited.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { notFound, validationError } from "../../platform/errors.ts";
import { newId, UUID } from "../../platform/ids.ts";
import * as ledger from "../ledger/index.ts";
import * as store from "./rule-store.ts";
import type { StoredRule } from "./rule-store.ts";
import { validateRule } from "./engine/rule-validation.ts";
import type { Condition, Rule, RuleActions } from "./engine/rules.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import { chartOf } from "./settings-service.ts";

export interface RuleInput {
  name?: string | undefined;
  match: "all" | "any";
  conditions: Condition[];
  actions: RuleActions;
  enabled?: boolean | undefined;
}

function conditionLabel(c: Condition): string {
  switch (c.field) {
    case "payee":
      return c.op === "equals" ? c.value : `payee ${c.op} “${c.value}”`;
    case "description":
      return `description ${c.op} “${c.value}”`;
    case "amount":
      return c.op === "between"
        ? `amount ${c.min}–${c.max}`
        : `amount ${c.op === "approx" ? "≈" : "="} ${c.value}`;
    case "direction":
      return c.value === "in" ? "money in" : "money out";
    case "bankAccount":
      return "bank account";
  }
}

/** Checks a rule against the client: accounts in its chart (active), classes among its classes. */
async function checkRule(ctx: Ctx, actor: Actor, s: ClientScope, rule: Rule): Promise<Map<string, string>> {
  const [chart, classes] = await Promise.all([
    chartOf(ctx, actor, s),
    ledger.listDimensions(ctx, actor, s.clientId, "class"),
  ]);
  validateRule(rule, {
    validAccounts: new Set(chart.filter((a) => a.isActive).map((a) => a.id)),
    currency: s.homeCurrency,
  });
  const classIds = new Set(classes.map((c) => c.id));
  const check = (id: string | undefined, field: string) => {
    if (id !== undefined && !classIds.has(id))
      throw validationError("categorize/unknown-class", `class ${id} is not a class of this client`, {
        field,
      });
  };
  check(rule.actions.classId, "actions.classId");
  rule.actions.split?.parts.forEach((p, i) => check(p.classId, `actions.split.parts[${i}].classId`));
  return new Map(chart.map((a) => [a.id, a.fullName]));
}

function defaultName(input: RuleInput, names: Map<string, string>): string {
  const first = input.conditions[0];
  const target = input.actions.split
    ? "split"
    : input.actions.account
      ? (names.get(input.actions.account) ?? "account")
      : input.actions.payee
        ? `payee ${input.actions.payee}`
        : "coding";
  return `${first ? conditionLabel(first) : "rule"} → ${target}`.slice(0, 200);
}

export async function listRules(ctx: Ctx, actor: Actor, clientRef: string): Promise<StoredRule[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  return store.listRules(ctx.db, s);
}

export async function getRule(ctx: Ctx, actor: Actor, clientRef: string, id: string): Promise<StoredRule> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const rule = UUID.test(id) ? await store.ruleById(ctx.db, s, id) : undefined;
  if (!rule) throw notFound("categorize/rule-not-found", `no rule ${id}`);
  return rule;
}

export interface RuleOrigin {
  origin: "manual" | "correction";
  sourceTransactionId?: string | null | undefined;
}

/** Creates a rule (inside the caller's transaction when ctx.db is one). */
export async function createRule(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: RuleInput,
  origin: RuleOrigin = { origin: "manual" },
): Promise<StoredRule> {
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "rules");
    const id = newId();
    const draft: Rule = {
      id,
      scope: "client",
      clientId: s.clientId,
      match: input.match,
      conditions: input.conditions,
      actions: input.actions,
      enabled: input.enabled ?? true,
    };
    const names = await checkRule(c, actor, s, draft);
    const name = input.name?.trim() || defaultName(input, names);
    const rule = await store.insertRule(
      tx,
      s,
      {
        id,
        name: name.slice(0, 200),
        match: input.match,
        conditions: input.conditions,
        actions: input.actions,
        enabled: input.enabled ?? true,
        origin: origin.origin,
        sourceTransactionId: origin.sourceTransactionId ?? null,
      },
      { id: actor.id, name: actor.displayName },
    );
    await recordAudit(tx, actor, {
      action: "categorize.rule.created",
      clientId: s.clientId,
      subjectType: "rule",
      subjectId: id,
      after: rule,
    });
    return rule;
  });
}

export async function updateRule(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  patch: Partial<RuleInput>,
): Promise<StoredRule> {
  return inTransaction(ctx.db, async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const s = await clientScope(tx, actor, clientRef, "rules");
    const before = UUID.test(id) ? await store.ruleById(tx, s, id, { lock: true }) : undefined;
    if (!before) throw notFound("categorize/rule-not-found", `no rule ${id}`);
    const next: RuleInput = {
      name: patch.name ?? before.name,
      match: patch.match ?? before.match,
      conditions: patch.conditions ?? before.conditions,
      actions: patch.actions ?? before.actions,
      enabled: patch.enabled ?? before.enabled,
    };
    const names = await checkRule(c, actor, s, { ...before, ...next, enabled: next.enabled ?? true });
    // Only a change to what the rule does makes a new version (predictions record it).
    const behaviour = (r: { match: string; conditions: unknown; actions: unknown }) =>
      JSON.stringify([r.match, r.conditions, r.actions]);
    const version = behaviour(before) === behaviour(next as RuleInput) ? before.version : before.version + 1;
    const after = await store.updateRule(
      tx,
      s,
      id,
      {
        name: (next.name?.trim() || defaultName(next, names)).slice(0, 200),
        match: next.match,
        conditions: next.conditions,
        actions: next.actions,
        enabled: next.enabled ?? true,
      },
      version,
      { id: actor.id, name: actor.displayName },
    );
    await recordAudit(tx, actor, {
      action: "categorize.rule.updated",
      clientId: s.clientId,
      subjectType: "rule",
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

export async function deleteRule(ctx: Ctx, actor: Actor, clientRef: string, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "rules");
    const before = UUID.test(id) ? await store.ruleById(tx, s, id, { lock: true }) : undefined;
    if (!before) throw notFound("categorize/rule-not-found", `no rule ${id}`);
    await store.deleteRule(tx, s, id);
    await recordAudit(tx, actor, {
      action: "categorize.rule.deleted",
      clientId: s.clientId,
      subjectType: "rule",
      subjectId: id,
      before,
    });
  });
}

/** Checks a draft rule without saving it (the preview runs it on existing lines). */
export async function checkDraftRule(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: RuleInput,
  id?: string,
): Promise<Rule> {
  const s = await clientScope(ctx.db, actor, clientRef, "read");
  const rule: Rule = {
    id: id ?? "draft",
    scope: "client",
    clientId: s.clientId,
    match: input.match,
    conditions: input.conditions,
    actions: input.actions,
    enabled: true,
  };
  await checkRule(ctx, actor, s, rule);
  return rule;
}
