// Use cases for firms and clients: who may see which client, creating them, finding them.
import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { recordAudit } from "../../platform/audit.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { inTransaction, isUniqueViolation } from "../../platform/db.ts";
import { newId } from "../../platform/ids.ts";
import { actorSeesClient, checkName, checkSlug } from "./model.ts";
import * as store from "./store.ts";
import type { Client, Firm } from "./store.ts";

export type { Client, Firm };

/** The client the actor names (id or slug), or 404 when it does not exist or is not the actor's. */
export async function requireClient(ex: Executor, actor: Actor, ref: string): Promise<Client> {
  const client = await store.clientByRef(ex, actor.firmId, ref);
  if (!client || !actorSeesClient(actor, client)) {
    throw notFound("access/client-not-found", `no client "${ref}"`, { field: "client" });
  }
  return client;
}

export async function listClients(ex: Executor, actor: Actor): Promise<Client[]> {
  return store.listClients(ex, actor.firmId, actor.clients);
}

export async function createFirm(ex: Executor, input: { slug: string; name: string }): Promise<Firm> {
  const firm = { id: newId(), slug: checkSlug(input.slug), name: checkName(input.name) };
  try {
    return await inTransaction(ex, async (tx) => {
      const created = await store.insertFirm(tx, firm);
      await tx
        .insertInto("audit_events")
        .values({ firm_id: created.id, actor_type: "system", actor_id: "system", action: "firm.created", subject_type: "firm", subject_id: created.id, after: JSON.stringify(created) })
        .execute();
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("access/firm-exists", `a firm with slug "${input.slug}" already exists`, { field: "slug" });
    throw error;
  }
}

export async function firmBySlug(ex: Executor, slug: string): Promise<Firm | undefined> {
  return store.firmBySlug(ex, slug);
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

export async function createClient(ex: Executor, actor: Actor, input: { slug: string; name: string }): Promise<Client> {
  const client = { id: newId(), firm_id: actor.firmId, slug: checkSlug(input.slug), name: checkName(input.name) };
  try {
    return await inTransaction(ex, async (tx) => {
      const created = await store.insertClient(tx, client);
      await recordAudit(tx, actor, { action: "client.created", clientId: created.id, subjectType: "client", subjectId: created.id, after: created });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("access/client-exists", `a client with slug "${input.slug}" already exists`, { field: "slug" });
    throw error;
  }
}
