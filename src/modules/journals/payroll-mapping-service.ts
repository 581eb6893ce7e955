// Saved payroll column mappings, one per client and payroll provider: save (checked: every
// required role has a column, every account is in the client's chart and active, an account for
// each optional column mapped), list, read, delete; the built-in presets to start from. Audited.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { notFound, ruleViolation, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import * as ledger from "../ledger/index.ts";
import type { ClientScope } from "../access/index.ts";
import { missingAccounts, missingRoles, type PayrollMapping, type PayrollRole } from "./payroll-model.ts";
import * as store from "./payroll-store.ts";
import { journalsScope } from "./scope.ts";

export interface MappingInput {
  columns: Record<string, PayrollRole>;
  accounts: Record<string, string | undefined>;
  departmentAccounts?: Record<string, string> | undefined;
}

/** The model's mapping of a saved row. */
export function mappingOf(row: store.MappingRow): PayrollMapping {
  return {
    columns: row.columns as Record<string, PayrollRole>,
    accounts: row.accounts as unknown as PayrollMapping["accounts"],
    departmentAccounts: row.department_accounts,
  };
}

/** Refuses an account that is not in the client's chart or is inactive, naming the field. */
export async function checkAccounts(
  ctx: Ctx,
  actor: Actor,
  s: ClientScope,
  named: Array<[string, string]>,
): Promise<void> {
  const chart = await ledger.listAccounts(ctx, actor, s.clientId, { includeInactive: true });
  const byId = new Map(chart.map((a) => [a.id, a]));
  for (const [id, field] of named) {
    const account = byId.get(id);
    if (!account)
      throw validationError("journals/unknown-account", `no account ${id} in this client's chart`, { field });
    if (!account.is_active)
      throw validationError("journals/inactive-account", `${account.full_name} is inactive`, { field });
  }
}

function cleanAccounts(accounts: MappingInput["accounts"]): Record<string, string> {
  return Object.fromEntries(Object.entries(accounts).filter((e): e is [string, string] => !!e[1]));
}

async function audited(
  tx: Executor,
  actor: Actor,
  s: ClientScope,
  action: string,
  row: store.MappingRow,
  before?: unknown,
) {
  await recordAudit(tx, actor, {
    action: `journals.payroll_mapping.${action}`,
    clientId: s.clientId,
    subjectType: "payroll_mapping",
    subjectId: row.id,
    ...(before === undefined ? {} : { before }),
    ...(action === "deleted" ? {} : { after: row }),
  });
}

export async function saveMapping(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  provider: string,
  input: MappingInput,
): Promise<store.MappingRow> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "manage");
    const roles = missingRoles(input.columns);
    if (roles.length > 0)
      throw ruleViolation(
        "journals/payroll-column-missing",
        `the mapping gives no column for ${roles.join(", ")}`,
        {
          field: "columns",
          extra: { roles },
        },
      );
    const accounts = cleanAccounts(input.accounts);
    const mapping: PayrollMapping = {
      columns: input.columns,
      accounts: accounts as unknown as PayrollMapping["accounts"],
    };
    for (const required of ["wages", "liabilities", "bank"])
      if (!accounts[required])
        throw validationError(
          "journals/payroll-account-missing",
          `the mapping names no ${required} account`,
          {
            field: `accounts.${required}`,
          },
        );
    const lacking = missingAccounts(mapping);
    if (lacking.length > 0)
      throw validationError(
        "journals/payroll-account-missing",
        `a column is mapped to ${lacking.join(", ")} but no account is named for it`,
        { field: `accounts.${lacking[0]}` },
      );
    const departmentAccounts = input.departmentAccounts ?? {};
    await checkAccounts({ ...ctx, db: tx }, actor, s, [
      ...Object.entries(accounts).map(([role, id]): [string, string] => [id, `accounts.${role}`]),
      ...Object.entries(departmentAccounts).map(([d, id]): [string, string] => [
        id,
        `departmentAccounts.${d}`,
      ]),
    ]);
    const before = await store.getMapping(tx, s, provider);
    const row = await store.upsertMapping(tx, s, {
      id: newId(),
      provider,
      columns: input.columns,
      accounts,
      departmentAccounts,
      createdBy: actor.id,
      at: ctx.clock.now(),
    });
    await audited(tx, actor, s, before ? "updated" : "created", row, before);
    return row;
  });
}

export async function listMappings(ctx: Ctx, actor: Actor, clientRef: string): Promise<store.MappingRow[]> {
  const s = await journalsScope(ctx.db, actor, clientRef, "view");
  return store.listMappings(ctx.db, s);
}

export async function existingMapping(
  ex: Executor,
  s: ClientScope,
  provider: string,
): Promise<store.MappingRow> {
  const row = await store.getMapping(ex, s, provider);
  if (!row)
    throw notFound(
      "journals/payroll-mapping-not-found",
      `no saved column mapping for the provider "${provider}"`,
    );
  return row;
}

export async function deleteMapping(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  provider: string,
): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const s = await journalsScope(tx, actor, clientRef, "manage");
    const before = await existingMapping(tx, s, provider);
    await store.deleteMapping(tx, s, provider);
    await audited(tx, actor, s, "deleted", before, before);
  });
}
