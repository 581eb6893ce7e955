// One document's name and uploader, for other modules that refer to a document (comments and their
// attachments): the read check and nothing else — no "viewed" entry in its audit trail.
import type { Actor } from "../../platform/actor.ts";
import { notFound } from "../../platform/errors.ts";
import { UUID } from "../../platform/ids.ts";
import type { Executor } from "../../platform/db.ts";
import * as docs from "./document-store.ts";
import { clientScope } from "./scope.ts";

export interface DocumentSummary {
  id: string;
  clientId: string;
  name: string;
  createdBy: string;
}

/** 404 when the actor may not read the client's documents or there is no such live document. */
export async function documentSummary(
  ex: Executor,
  actor: Actor,
  clientRef: string,
  id: string,
): Promise<DocumentSummary> {
  const s = await clientScope(ex, actor, clientRef, "read");
  const doc = UUID.test(id) ? await docs.documentById(ex, s, id) : undefined;
  if (!doc || doc.deleted_at)
    throw notFound("documents/document-not-found", `no document ${id.slice(0, 80)}`);
  return { id: doc.id, clientId: s.clientId, name: doc.name, createdBy: doc.created_by };
}
