// The life of a bank connection as a pure state machine: requested → setting up → connected →
// disconnected (and back to setting up on reconnect), what each step sets in motion (a reconnect
// task for the owner, closing the open requests), and who may remove a connection.
import type { Actor } from "../../platform/actor.ts";
import { conflict, forbidden } from "../../platform/errors.ts";

export const CONNECTION_STATES = ["requested", "setting_up", "connected", "disconnected"] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/**
 * set-up: someone starts connecting a requested connection; connected: the provider confirms;
 * lost: the provider reports the link broken (or setting up failed); disconnect: a person ends it;
 * reconnect: someone starts connecting a disconnected one again.
 */
export const CONNECTION_EVENTS = ["set-up", "connected", "lost", "disconnect", "reconnect"] as const;
export type ConnectionEvent = (typeof CONNECTION_EVENTS)[number];

const TRANSITIONS: Record<ConnectionState, Partial<Record<ConnectionEvent, ConnectionState>>> = {
  requested: { "set-up": "setting_up" },
  setting_up: { connected: "connected", lost: "disconnected" },
  connected: { lost: "disconnected", disconnect: "disconnected" },
  disconnected: { reconnect: "setting_up" },
};

const EVENT_VERBS: Record<ConnectionEvent, string> = {
  "set-up": "be set up",
  connected: "become connected",
  lost: "be lost",
  disconnect: "be disconnected",
  reconnect: "be reconnected",
};

export const STATE_LABELS: Record<ConnectionState, string> = {
  requested: "requested",
  setting_up: "setting up",
  connected: "connected",
  disconnected: "disconnected",
};

/** The state after `event`, or a conflict naming what is possible from here. */
export function nextState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  const next = TRANSITIONS[state][event];
  if (!next) {
    const possible = Object.keys(TRANSITIONS[state]);
    throw conflict(
      "banking/invalid-connection-transition",
      `a ${STATE_LABELS[state]} connection cannot ${EVENT_VERBS[event]}` +
        (possible.length ? ` (possible now: ${possible.join(", ")})` : ""),
      { extra: { state, event } },
    );
  }
  return next;
}

export function canTransition(state: ConnectionState, event: ConnectionEvent): boolean {
  return TRANSITIONS[state][event] !== undefined;
}

export interface TransitionEffects {
  /** Give the owner a task to reconnect (the connection broke, or someone else disconnected it). */
  reconnectTask: boolean;
  /** The connection works: the open requests for it are done. */
  closeRequests: boolean;
}

export function effectsOf(
  to: ConnectionState,
  event: ConnectionEvent,
  who: { actorId: string; ownerId: string },
): TransitionEffects {
  return {
    // An owner who disconnects on purpose needs no reminder to undo it.
    reconnectTask: to === "disconnected" && !(event === "disconnect" && who.actorId === who.ownerId),
    closeRequests: to === "connected",
  };
}

/** "Only the owner or a Partner Admin deletes one." */
export function mayRemove(actor: Pick<Actor, "id" | "role">, connection: { owner_id: string }): boolean {
  return actor.role === "partner_admin" || actor.id === connection.owner_id;
}

export function requireMayRemove(
  actor: Pick<Actor, "id" | "role">,
  connection: { owner_id: string; owner_name: string },
): void {
  if (!mayRemove(actor, connection)) {
    throw forbidden(
      "banking/cannot-remove-connection",
      `only the connection's owner (${connection.owner_name}) or a Partner Admin may remove it`,
    );
  }
}
