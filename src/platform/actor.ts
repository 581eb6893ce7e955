// Who is acting. Every service call takes an actor; every query is scoped by its firm and clients.
// The access module decides what an actor may do; this file only says what an actor is.

export type ActorType = "system" | "user" | "token";

export interface Actor {
  type: ActorType;
  /** User id, token id, or a fixed name for the system actor. */
  id: string;
  /** The firm this actor works in: every row it reads or writes belongs to this firm. */
  firmId: string;
  /** Role name (see access/model.ts); the system actor acts as a Partner Admin of its firm. */
  role: string;
  /** Clients the actor may see: every client of the firm, or a chosen list of client ids. */
  clients: "all" | readonly string[];
  /** Shown in audit trails and "last updated by". */
  displayName: string;
}

/** The CLI and background jobs act as this actor of one firm until a person is signed in. */
export function systemActor(firmId: string): Actor {
  return {
    type: "system",
    id: "system",
    firmId,
    role: "partner_admin",
    clients: "all",
    displayName: "Closebook",
  };
}
