// The coding an edit asks for, checked against the client's chart, dimensions and contacts, and the
// transaction columns that store a coding.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { validationError } from "../../platform/errors.ts";
import * as categorize from "../categorize/index.ts";
import * as ledger from "../ledger/index.ts";
import type { Coding } from "./model.ts";
import type { ClientScope } from "./scope.ts";
import type { TransactionPatch } from "./store.ts";
import { splitToJson } from "./view.ts";

export interface EditInput {
  accountId?: string | undefined;
  /** A payee name; it becomes a contact when the transaction is posted. */
  payee?: string | null | undefined;
  contactId?: string | null | undefined;
  classId?: string | null | undefined;
  departmentId?: string | null | undefined;
  memo?: string | null | undefined;
  assigneeId?: string | null | undefined;
}

/** What the checks of a coding need to know about the client. */
export interface Facts {
  accounts: Map<string, { active: boolean; name: string }>;
  dimensions: Map<string, string>;
  contacts: Map<string, string>;
  users: Set<string>;
}

export async function factsFor(c: Ctx, actor: Actor, s: ClientScope): Promise<Facts> {
  const [accounts, dimensions, contacts, users] = await Promise.all([
    ledger.listAccounts(c, actor, s.clientId, { includeInactive: true }),
    ledger.listDimensions(c, actor, s.clientId),
    ledger.listContacts(c, actor, s.clientId),
    categorize.clientUserIds(c.db, s),
  ]);
  return {
    accounts: new Map(accounts.map((a) => [a.id, { active: a.is_active, name: a.full_name }])),
    dimensions: new Map(dimensions.filter((d) => d.is_active).map((d) => [d.id, d.kind])),
    contacts: new Map(contacts.map((x) => [x.id, x.name])),
    users,
  };
}

export function checkAccount(f: Facts, id: string, field: string): void {
  const a = f.accounts.get(id);
  if (!a || !a.active)
    throw validationError(
      "transactions/unknown-account",
      `account ${id} is not an active account of this client`,
      { field },
    );
}

export function checkDimension(
  f: Facts,
  id: string | null | undefined,
  kind: "class" | "department",
  field: string,
): void {
  if (id && f.dimensions.get(id) !== kind)
    throw validationError(`transactions/unknown-${kind}`, `${id} is not a ${kind} of this client`, { field });
}

/** The coding an edit asks for, checked against the client's chart, dimensions and contacts. */
export function editedCoding(f: Facts, current: Coding, input: EditInput): Coding {
  const next: Coding = { ...current };
  if (input.accountId !== undefined) {
    checkAccount(f, input.accountId, "accountId");
    next.accountId = input.accountId;
    next.split = null;
  }
  if (input.contactId !== undefined) {
    if (input.contactId !== null && !f.contacts.has(input.contactId))
      throw validationError(
        "transactions/unknown-contact",
        `contact ${input.contactId} is not a contact of this client`,
        {
          field: "contactId",
        },
      );
    next.contactId = input.contactId;
    next.payee = input.contactId ? f.contacts.get(input.contactId)! : input.payee?.trim() || null;
  } else if (input.payee !== undefined) {
    const name = input.payee?.trim() || null;
    if (name !== current.payee) {
      next.payee = name;
      next.contactId = null;
    }
  }
  if (input.classId !== undefined) {
    checkDimension(f, input.classId, "class", "classId");
    next.classId = input.classId;
  }
  if (input.departmentId !== undefined) {
    checkDimension(f, input.departmentId, "department", "departmentId");
    next.departmentId = input.departmentId;
  }
  if (input.memo !== undefined) next.memo = input.memo?.trim() || null;
  return next;
}

export const codingColumns = (c: Coding): TransactionPatch => ({
  account_id: c.accountId,
  payee: c.payee,
  contact_id: c.contactId,
  class_id: c.classId,
  department_id: c.departmentId,
  memo: c.memo,
  split: c.split ? JSON.stringify(splitToJson(c.split)) : null,
});
