// The Activity Hub's rules, pure: which audit actions are feed items and of which kind, who may see
// which kind, and the opaque cursor (sentences and links: sentence-model.ts). The feed is the
// audit trail read through this table; an action not listed here is not shown (views, downloads,
// settings churn).

export const ACTIVITY_KINDS = [
  "comment",
  "task",
  "upload",
  "import",
  "posting",
  "reconciliation",
  "close",
  "sign_in",
  "security",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Each feed action, its kind and the verb phrase its sentence starts with. */
const ACTIONS: Record<string, { kind: ActivityKind; verb: string }> = {
  "comms.comment.created": { kind: "comment", verb: "commented on" },
  "comms.comment.edited": { kind: "comment", verb: "edited a comment on" },
  "comms.comment.deleted": { kind: "comment", verb: "deleted a comment on" },
  "work.task.created": { kind: "task", verb: "created" },
  "work.task.updated": { kind: "task", verb: "updated" },
  "work.task.reassigned": { kind: "task", verb: "reassigned" },
  "work.task.deleted": { kind: "task", verb: "deleted" },
  "work.task.closed": { kind: "task", verb: "closed" },
  "documents.document.uploaded": { kind: "upload", verb: "uploaded" },
  "documents.document.version_added": { kind: "upload", verb: "uploaded a new version of" },
  "banking.statement.imported": { kind: "import", verb: "imported" },
  "ledger.journal.imported": { kind: "import", verb: "imported" },
  "ledger.entry.posted": { kind: "posting", verb: "posted" },
  "ledger.entry.reversed": { kind: "posting", verb: "reversed" },
  "ledger.entries.posted": { kind: "posting", verb: "posted" },
  "transactions.pushed": { kind: "posting", verb: "posted" },
  "transactions.reposted": { kind: "posting", verb: "re-posted" },
  "transactions.auto_posted": { kind: "posting", verb: "posted" },
  "transactions.rule_posted": { kind: "posting", verb: "posted" },
  "reconcile.reconciliation.started": { kind: "reconciliation", verb: "started" },
  "reconcile.reconciliation.completed": { kind: "reconciliation", verb: "completed" },
  "reconcile.reconciliation.unreconciled": { kind: "reconciliation", verb: "reopened" },
  "ledger.period.locked": { kind: "close", verb: "closed" },
  "ledger.period.unlocked": { kind: "close", verb: "reopened" },
  "reports.package.generated": { kind: "close", verb: "generated" },
  "close.month.closed": { kind: "close", verb: "closed" },
  // Said the same way: whether blockers were overridden is on the month's timeline, not in the feed.
  "close.month.closed_with_override": { kind: "close", verb: "closed" },
  "close.month.reopened": { kind: "close", verb: "reopened" },
  "identity.signed_in": { kind: "sign_in", verb: "signed in" },
  "identity.sign_in.failed": { kind: "security", verb: "failed to sign in" },
  "identity.sign_in.locked_out": { kind: "security", verb: "was locked out after failed sign-ins" },
  "identity.sign_in.refused": { kind: "security", verb: "was refused sign-in" },
  "identity.password_changed": { kind: "security", verb: "changed their password" },
  "identity.password_reset.completed": { kind: "security", verb: "reset their password" },
  "identity.2fa.enrolled": { kind: "security", verb: "set up two-factor authentication" },
  "identity.2fa.method_changed": { kind: "security", verb: "changed their two-factor method" },
  "identity.2fa.recovery_codes_replaced": { kind: "security", verb: "replaced their recovery codes" },
  "identity.2fa.failed": { kind: "security", verb: "entered a wrong two-factor code" },
  "identity.signed_out_everywhere": { kind: "security", verb: "signed out everywhere" },
  "user.2fa.reset": { kind: "security", verb: "reset the two-factor authentication of" },
  "user.role.changed": { kind: "security", verb: "changed the role of" },
  "user.deactivated": { kind: "security", verb: "deactivated" },
  "user.reactivated": { kind: "security", verb: "reactivated" },
  "token.created": { kind: "security", verb: "created an API token" },
  "token.revoked": { kind: "security", verb: "revoked an API token" },
  "firm.sso.saved": { kind: "security", verb: "changed the single sign-on settings" },
  "firm.sso.removed": { kind: "security", verb: "removed single sign-on" },
  "vault.entry.revealed": { kind: "security", verb: "revealed a password" },
  "vault.entry.copied": { kind: "security", verb: "copied a password" },
  "vault.master_key.rotated": { kind: "security", verb: "rotated the Password Manager key" },
};

/** The verb phrase an action's sentence starts with. */
export function verbOf(action: string): string {
  return ACTIONS[action]?.verb ?? action;
}

export function kindOf(action: string): ActivityKind | null {
  return ACTIONS[action]?.kind ?? null;
}

/** The audit actions of some kinds (all feed actions when none are named). */
export function actionsOf(kinds: readonly ActivityKind[]): string[] {
  return Object.keys(ACTIONS).filter((a) => kinds.length === 0 || kinds.includes(ACTIONS[a]!.kind));
}

// ── who sees what ───────────────────────────────────────────────────────────────────────────────

/**
 * What limits a person's feed. Firm side: its clients' events and, with every client, the firm's
 * own (sign-ins; security events for Partner Admins only). Client side: only its clients' events
 * of the kinds a client sees, only comments shared with the client, only tasks it is given.
 */
export interface Viewer {
  firmId: string;
  userId: string;
  side: "partner" | "client";
  admin: boolean;
  clients: "all" | readonly string[];
}

const CLIENT_KINDS: readonly ActivityKind[] = [
  "comment",
  "task",
  "upload",
  "import",
  "posting",
  "reconciliation",
  "close",
];
/**
 * Comment deletions carry no visibility in the trail, so a client never sees them; reopening a
 * closed month is the firm's own correction, told to the client when it is closed again.
 */
const CLIENT_HIDDEN_ACTIONS = new Set([
  "comms.comment.deleted",
  "work.task.deleted",
  "work.task.closed",
  "close.month.reopened",
]);

export function kindsFor(v: Viewer): ActivityKind[] {
  if (v.side === "client") return [...CLIENT_KINDS];
  return ACTIVITY_KINDS.filter((k) => k !== "security" || v.admin);
}

/** The actions a viewer may see of the kinds asked for (all its kinds when none are asked). */
export function visibleActions(v: Viewer, asked: readonly ActivityKind[]): string[] {
  const allowed = kindsFor(v).filter((k) => asked.length === 0 || asked.includes(k));
  if (allowed.length === 0) return [];
  return actionsOf(allowed).filter((a) => v.side === "partner" || !CLIENT_HIDDEN_ACTIONS.has(a));
}

/** One audit event as the feed reads it. */
export interface FeedEvent {
  id: bigint;
  clientId: string | null;
  actorType: string;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  occurredAt: Date;
}

export const field = (o: unknown, key: string): unknown =>
  o !== null && typeof o === "object" ? (o as Record<string, unknown>)[key] : undefined;
export const text = (o: unknown, key: string): string | null => {
  const v = field(o, key);
  return typeof v === "string" || typeof v === "number" || typeof v === "bigint" ? String(v) : null;
};

/**
 * Whether a viewer sees one event (the same rule the store's query applies; the service checks
 * each row again with it, a second wall). Client users: a comment only when shared with the
 * client, a task only when it is assigned to the client as a whole or to them.
 */
export function sees(v: Viewer, e: FeedEvent): boolean {
  const kind = kindOf(e.action);
  if (!kind || !visibleActions(v, [kind]).includes(e.action)) return false;
  if (e.clientId === null) return v.side === "partner" && v.clients === "all";
  if (v.clients !== "all" && !v.clients.includes(e.clientId)) return false;
  if (v.side === "partner") return true;
  if (kind === "comment") return text(e.after, "visibility") === "client";
  if (kind === "task") {
    const assignee = field(e.after, "assignee");
    const assigneeKind = text(e.after, "assignee_kind") ?? text(assignee, "kind");
    const assigneeUser = text(e.after, "assignee_user_id") ?? text(assignee, "userId");
    return assigneeKind === "client" || assigneeUser === v.userId;
  }
  return true;
}

// ── the cursor ──────────────────────────────────────────────────────────────────────────────────

/**
 * The feed goes newest first by the trail's id; a cursor is the id of the last item given, so a
 * page is "older than this id" and events added meanwhile never shift it (they are newer). Opaque
 * to callers: base64url of "a1:<id>".
 */
export function encodeCursor(id: bigint): string {
  return Buffer.from(`a1:${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): bigint | null {
  const m = /^a1:(\d{1,18})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return m ? BigInt(m[1]!) : null;
}
