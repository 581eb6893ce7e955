// When a bank feed needs the firm's attention, as pure rules: an account with no line for a week
// (a feed or a statement habit that stopped), a connection that broke, or one asked for or being
// set up that has stayed so for days.
import { addDays } from "../../platform/dates.ts";
import type { ConnectionState } from "./connection-model.ts";

/** An account whose latest line is this many days old (or older) has gone quiet. */
export const STALE_DAYS = 7;
/** A connection requested or being set up for this long is stuck. */
export const STUCK_CONNECTION_DAYS = 3;

const DAY_MS = 86_400_000;

/**
 * Whether an account has had no activity for STALE_DAYS days on `today`: its latest line is that
 * old, or it has no line and was added that long ago (a new account gets its week).
 */
export function isStale(
  account: { lastLineDate: string | null; createdAt: Date },
  today: string,
  days = STALE_DAYS,
): boolean {
  const since = account.lastLineDate ?? account.createdAt.toISOString().slice(0, 10);
  return since <= addDays(today, -days);
}

export type ConnectionTrouble = "disconnected" | "requested" | "setting_up";

/** Why a connection needs someone, or null: broken at once, asked-for or half set up after some days. */
export function connectionTrouble(
  c: { state: ConnectionState; since: Date },
  now: Date,
  days = STUCK_CONNECTION_DAYS,
): ConnectionTrouble | null {
  if (c.state === "connected") return null;
  if (c.state === "disconnected") return "disconnected";
  return now.getTime() - c.since.getTime() >= days * DAY_MS ? c.state : null;
}
