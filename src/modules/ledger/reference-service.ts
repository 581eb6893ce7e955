// Use cases for a client's contacts (vendors, customers) and dimensions (class, department,
// location, project): named records that are created, renamed and (de)activated, never deleted.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { inTransaction, isUniqueViolation, type Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, validationError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { clientScope, type ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { ContactRow, DimensionRow } from "./store.ts";

export type { ContactRow, DimensionRow };

type Subject = "contact" | "dimension";

/**
 * The frame every change to a named record shares: one transaction, the client scope, the audit
 * event, and a duplicate name answered as a conflict on "name".
 */
async function changeNamed<T extends { id: string }>(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  subject: Subject,
  duplicate: string,
  change: (tx: Executor, s: ClientScope) => Promise<{ before?: T; after: T }>,
): Promise<T> {
  return inTransaction(ctx.db, async (tx) => {
    const s = await clientScope(tx, actor, clientRef, "ledger.chart.edit");
    try {
      const { before, after } = await change(tx, s);
      await recordAudit(tx, actor, {
        action: `ledger.${subject}.${before ? "updated" : "created"}`,
        clientId: s.clientId,
        subjectType: subject,
        subjectId: after.id,
        ...(before ? { before } : {}),
        after,
      });
      return after;
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`ledger/${subject}-exists`, duplicate, { field: "name" });
      throw error;
    }
  });
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200)
    throw validationError("ledger/invalid-name", "a name must have 1 to 200 characters", { field: "name" });
  return trimmed;
}

// ── contacts ────────────────────────────────────────────────────────────────────────────────────

export async function createContact(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: { kind: ContactRow["kind"]; name: string; email?: string | null | undefined },
): Promise<ContactRow> {
  const name = checkName(input.name);
  return changeNamed(
    ctx,
    actor,
    clientRef,
    "contact",
    `a ${input.kind} named "${name}" already exists`,
    async (tx, s) => ({
      after: await store.insertContact(tx, {
        id: newId(),
        firm_id: s.firmId,
        client_id: s.clientId,
        kind: input.kind,
        name,
        email: input.email ?? null,
      }),
    }),
  );
}

export async function updateContact(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  patch: { name?: string | undefined; email?: string | null | undefined; isActive?: boolean | undefined },
): Promise<ContactRow> {
  return changeNamed(
    ctx,
    actor,
    clientRef,
    "contact",
    "another contact already has that name",
    async (tx, s) => {
      const before = await store.contactById(tx, s, id);
      if (!before) throw notFound("ledger/contact-not-found", `no contact ${id}`);
      const after = await store.updateContact(tx, s, id, {
        ...(patch.name !== undefined ? { name: checkName(patch.name) } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
      });
      return { before, after };
    },
  );
}

export async function listContacts(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  kind?: ContactRow["kind"],
): Promise<ContactRow[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  return store.listContacts(ctx.db, s, kind);
}

// ── dimensions ──────────────────────────────────────────────────────────────────────────────────

export async function createDimension(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  input: { kind: DimensionRow["kind"]; name: string; parentId?: string | null | undefined },
): Promise<DimensionRow> {
  const name = checkName(input.name);
  return changeNamed(
    ctx,
    actor,
    clientRef,
    "dimension",
    `a ${input.kind} named "${name}" already exists`,
    async (tx, s) => {
      if (input.parentId) {
        const parent = await store.dimensionById(tx, s, input.parentId);
        if (!parent || parent.kind !== input.kind)
          throw validationError(
            "ledger/unknown-dimension",
            `unknown parent ${input.kind} ${input.parentId}`,
            { field: "parentId" },
          );
      }
      return {
        after: await store.insertDimension(tx, {
          id: newId(),
          firm_id: s.firmId,
          client_id: s.clientId,
          kind: input.kind,
          name,
          parent_id: input.parentId ?? null,
        }),
      };
    },
  );
}

export async function updateDimension(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  id: string,
  patch: { name?: string | undefined; isActive?: boolean | undefined },
): Promise<DimensionRow> {
  return changeNamed(
    ctx,
    actor,
    clientRef,
    "dimension",
    "another dimension of that kind already has that name",
    async (tx, s) => {
      const before = await store.dimensionById(tx, s, id);
      if (!before) throw notFound("ledger/dimension-not-found", `no dimension ${id}`);
      const after = await store.updateDimension(tx, s, id, {
        ...(patch.name !== undefined ? { name: checkName(patch.name) } : {}),
        ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
      });
      return { before, after };
    },
  );
}

export async function listDimensions(
  ctx: Ctx,
  actor: Actor,
  clientRef: string,
  kind?: DimensionRow["kind"],
): Promise<DimensionRow[]> {
  const s = await clientScope(ctx.db, actor, clientRef, "ledger.read");
  return store.listDimensions(ctx.db, s, kind);
}
