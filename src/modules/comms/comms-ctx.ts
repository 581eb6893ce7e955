// What the comms module needs beyond the database: for each kind of object, a resolver that says
// whether an actor may read it (and what it is called, where it lives and who follows it), given by
// the app (src/app/comms.ts) so that comms names no module it comments on; and the notifier.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import type { NotifyCtx } from "../notifications/index.ts";
import type { ObjectKind } from "./model.ts";

export interface ObjectInfo {
  /** The client the object belongs to (a resolver checks it against the named client). */
  clientId: string;
  /** What the object is called in a notification ("Task: Reconcile March"). */
  title: string;
  /** A portal path to the object. */
  link: string;
  /** People the object is theirs: assignee, creator, owner. */
  owners: readonly string[];
  /** People who asked to hear of it (a task's watchers). */
  watchers: readonly string[];
}

/**
 * Reads an object as `actor` through its module's public face: throws that module's 403/404 when
 * the actor may not read it or it does not exist (in this client).
 */
export type ObjectResolver = (actor: Actor, client: string, id: string) => Promise<ObjectInfo>;

export interface CommsCtx extends Ctx {
  objects: Record<ObjectKind, ObjectResolver>;
  /** Absent in scripts: comments are kept, nobody is told. */
  notify?: NotifyCtx | undefined;
}
