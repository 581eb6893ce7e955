// Use cases for firms and clients: who may see which client, creating them, finding them, their
// details, the add-client wizard's progress, and termination (cancellable during retention).
import type { Actor } from "../../platform/actor.ts";
import { systemActor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound, validationError } from "../../platform/errors.ts";
import { inTransaction, isUniqueViolation } from "../../platform/db.ts";
import { newId } from "../../platform/ids.ts";
import { toJson } from "../../platform/json.ts";
import { actorSeesClient, checkName, checkSlug, requirePermission, slugify } from "./model.ts";
import {
  advanceOnboarding,
  cancelTermination,
  checkDetails,
  newOnboarding,
  parseOnboarding,
  terminate,
  type ClientDetails,
  type ClientDetailsInput,
  type OnboardingStep,
} from "./client-model.ts";
import * as store from "./store.ts";
import type { Client, ClientPatch, Firm } from "./store.ts";

export type { Client, Firm };

/** The client the actor names (id or slug), or 404 when it does not exist or is not the actor's. */
export async function requireClient(ex: Executor, actor: Actor, ref: string): Promise<Client> {
  const client = await store.clientByRef(ex, actor.firmId, ref);
  if (!client || !actorSeesClient(actor, client)) {
    throw notFound("access/client-not-found", `no client "${ref}"`, { field: "client" });
  }
  return client;
}

/** Whether the actor's firm has a client with this id or slug (and the actor may see it). */
export async function clientExists(ex: Executor, actor: Actor, ref: string): Promise<boolean> {
  const client = await store.clientByRef(ex, actor.firmId, ref);
  return client !== undefined && actorSeesClient(actor, client);
}

export async function listClients(ex: Executor, actor: Actor, status?: Client["status"]): Promise<Client[]> {
  return store.listClients(ex, actor.firmId, actor.clients, status);
}

export async function createFirm(ex: Executor, input: { slug: string; name: string }): Promise<Firm> {
  const firm = { id: newId(), slug: checkSlug(input.slug), name: checkName(input.name) };
  try {
    return await inTransaction(ex, async (tx) => {
      const created = await store.insertFirm(tx, firm);
      // The new firm has no people yet: its own system actor creates it.
      await recordAudit(tx, systemActor(created.id), {
        action: "firm.created",
        subjectType: "firm",
        subjectId: created.id,
        after: created,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict("access/firm-exists", `a firm with slug "${input.slug}" already exists`, {
        field: "slug",
      });
    throw error;
  }
}

export async function firmBySlug(ex: Executor, slug: string): Promise<Firm | undefined> {
  return store.firmBySlug(ex, slug);
}

/** Every firm's id, for background work that visits each firm (the owner's view, not a tenant's). */
export async function allFirmIds(ex: Executor): Promise<string[]> {
  return store.allFirmIds(ex);
}

export async function firmById(ex: Executor, id: string): Promise<Firm | undefined> {
  return store.firmById(ex, id);
}

/** The firm command-line work runs in: the given slug, else the oldest firm, else a new one. */
export async function defaultFirm(ex: Executor, slug?: string): Promise<Firm> {
  if (slug) {
    const firm = await store.firmBySlug(ex, slug);
    if (!firm) throw notFound("access/firm-not-found", `no firm "${slug}"`, { field: "firm" });
    return firm;
  }
  return (await store.oldestFirm(ex)) ?? createFirm(ex, { slug: "default", name: "My Firm" });
}

export interface NewClientInput extends ClientDetailsInput {
  slug?: string | undefined;
  name: string;
  /** The currency its reports are in (default USD); a journal import passes the journal's own. */
  homeCurrency?: string | undefined;
}

/**
 * Adds a client (the wizard's first step). A partner user who works on a chosen list of clients
 * gets the new client on its list, so it can go on with the wizard.
 */
export async function createClient(ex: Executor, actor: Actor, input: NewClientInput): Promise<Client> {
  requirePermission(actor, "client.create");
  const name = checkName(input.name);
  const slug = checkSlug(input.slug ?? slugify(name));
  const details = checkDetails(input);
  const client = {
    id: newId(),
    firm_id: actor.firmId,
    slug,
    name,
    ...(input.homeCurrency !== undefined ? { home_currency: checkHomeCurrency(input.homeCurrency) } : {}),
    ...detailColumns(details),
    onboarding: toJson(advanceOnboarding(newOnboarding(), "details", true, undefined)),
  };
  try {
    return await inTransaction(ex, async (tx) => {
      const created = await store.insertClient(tx, client);
      if (actor.type === "user" && actor.clients !== "all") {
        const membership = await store.membershipOf(tx, actor.firmId, actor.id);
        if (membership) {
          await store.updateMembership(
            tx,
            actor.firmId,
            actor.id,
            { role: membership.role, client_access: membership.client_access },
            [...actor.clients, created.id],
          );
        }
      }
      await recordAudit(tx, actor, {
        action: "client.created",
        clientId: created.id,
        subjectType: "client",
        subjectId: created.id,
        after: created,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict("access/client-exists", `a client with slug "${slug}" already exists`, {
        field: "slug",
      });
    throw error;
  }
}

/** A commodity name as the ledger keeps it: at most 40 characters, no control characters. */
function checkHomeCurrency(code: string): string {
  const control = [...code].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127);
  if (code.length > 40 || control)
    throw validationError("access/invalid-currency", `"${code}" cannot be a home currency`, {
      field: "homeCurrency",
    });
  return code;
}

function detailColumns(d: Partial<ClientDetails>): ClientPatch {
  const out: ClientPatch = {};
  if (d.legalName !== undefined) out.legal_name = d.legalName;
  if (d.dba !== undefined) out.dba = d.dba;
  if (d.industry !== undefined) out.industry = d.industry;
  if (d.accountingSystem !== undefined) out.accounting_system = d.accountingSystem;
  if (d.bookkeepingCadence !== undefined) out.bookkeeping_cadence = d.bookkeepingCadence;
  if (d.closeDay !== undefined) out.close_day = d.closeDay;
  if (d.serviceStartDate !== undefined) out.service_start_date = d.serviceStartDate;
  if (d.pointOfContact !== undefined)
    out.point_of_contact = d.pointOfContact ? toJson(d.pointOfContact) : null;
  if (d.bankStatementContact !== undefined)
    out.bank_statement_contact = d.bankStatementContact ? toJson(d.bankStatementContact) : null;
  if (d.notes !== undefined) out.notes = d.notes;
  return out;
}

export interface ClientPatchInput extends ClientDetailsInput {
  name?: string | undefined;
}

export async function updateClientDetails(
  ctx: Ctx,
  actor: Actor,
  ref: string,
  input: ClientPatchInput,
): Promise<Client> {
  requirePermission(actor, "client.edit");
  if (input.notes !== undefined) requirePermission(actor, "client.notes");
  return inTransaction(ctx.db, async (tx) => {
    const before = await requireClient(tx, actor, ref);
    const patch = detailColumns(checkDetails(input));
    if (input.name !== undefined) patch.name = checkName(input.name);
    const after = await store.updateClient(tx, actor.firmId, before.id, patch);
    await recordAudit(tx, actor, {
      action: "client.updated",
      clientId: before.id,
      subjectType: "client",
      subjectId: before.id,
      before,
      after,
    });
    return after;
  });
}

export async function saveOnboarding(
  ctx: Ctx,
  actor: Actor,
  ref: string,
  input: { step: OnboardingStep; completed: boolean; data?: unknown },
): Promise<Client> {
  requirePermission(actor, "client.edit");
  return inTransaction(ctx.db, async (tx) => {
    const before = await requireClient(tx, actor, ref);
    const onboarding = advanceOnboarding(
      parseOnboarding(before.onboarding),
      input.step,
      input.completed,
      input.data,
    );
    const after = await store.updateClient(tx, actor.firmId, before.id, { onboarding: toJson(onboarding) });
    await recordAudit(tx, actor, {
      action: "client.onboarding.saved",
      clientId: before.id,
      subjectType: "client",
      subjectId: before.id,
      before: before.onboarding,
      after: onboarding,
    });
    return after;
  });
}

export async function terminateClient(
  ctx: Ctx,
  actor: Actor,
  ref: string,
  input: { reason?: string | null | undefined },
): Promise<Client> {
  requirePermission(actor, "client.terminate");
  return inTransaction(ctx.db, async (tx) => {
    const before = await requireClient(tx, actor, ref);
    const t = terminate({ status: before.status, purgeAfter: before.purge_after }, ctx.clock.now());
    const after = await store.updateClient(tx, actor.firmId, before.id, {
      status: t.status,
      terminated_at: t.terminatedAt,
      purge_after: t.purgeAfter,
      terminated_by: actor.id,
      termination_reason: input.reason?.trim().slice(0, 1000) || null,
    });
    await recordAudit(tx, actor, {
      action: "client.terminated",
      clientId: before.id,
      subjectType: "client",
      subjectId: before.id,
      before,
      after,
    });
    return after;
  });
}

export async function cancelClientTermination(ctx: Ctx, actor: Actor, ref: string): Promise<Client> {
  requirePermission(actor, "client.terminate");
  return inTransaction(ctx.db, async (tx) => {
    const before = await requireClient(tx, actor, ref);
    const c = cancelTermination({ status: before.status, purgeAfter: before.purge_after }, ctx.clock.now());
    const after = await store.updateClient(tx, actor.firmId, before.id, {
      status: c.status,
      terminated_at: null,
      purge_after: null,
      terminated_by: null,
      termination_reason: null,
    });
    await recordAudit(tx, actor, {
      action: "client.termination_cancelled",
      clientId: before.id,
      subjectType: "client",
      subjectId: before.id,
      before,
      after,
    });
    return after;
  });
}
