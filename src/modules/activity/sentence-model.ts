// The Activity Hub's sentences and links, pure: "Dana posted journal entry JE-12 for Acme" and the
// portal path of the entry, from an audit event and the names the service looked up. Reads only
// what the trail holds (never a comment's text or a secret: the trail has none).
import { field, text, verbOf, type FeedEvent } from "./activity-model.ts";

// ─────────────────────────────────────────────────────────────────────────

/** Who and which client an item names, as the service looked them up. */
export interface Names {
  person: (id: string) => string | undefined;
  client: (id: string) => { slug: string; name: string } | undefined;
}

export interface ItemText {
  sentence: string;
  /** The portal path of the item's object, null when it has none to open. */
  link: string | null;
  actorName: string;
}

const COMMENTED: Record<string, { noun: string; path: (id: string) => string }> = {
  task: { noun: "a task", path: (id) => `work?task=${id}` },
  document: { noun: "a document", path: (id) => `documents?document=${id}` },
  transaction: { noun: "a transaction", path: (id) => `transactions?transaction=${id}` },
  journal_entry: { noun: "a journal entry", path: (id) => `ledger/entries/${id}` },
  reconciliation: { noun: "a reconciliation", path: (id) => `reconcile/${id}` },
};

const MONTHS = "January February March April May June July August September October November December".split(
  " ",
);
const inWords = (month: string | null) =>
  month && /^\d{4}-\d{2}$/.test(month)
    ? `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`
    : "a month";
const plural = (n: string | null, one: string, many: string) =>
  n === "1" ? `1 ${one}` : `${n ?? "some"} ${many}`;
const quoted = (s: string | null, fallback: string) => (s ? `"${s}"` : fallback);

function actorName(e: FeedEvent, names: Names): string {
  if (e.actorType === "system") return "Closebook";
  if (e.actorType === "token") return "An API token";
  if (e.actorId && names.person(e.actorId)) return names.person(e.actorId)!;
  return e.actorType === "anonymous" ? "Someone" : "A former user";
}

/** The object an action is about and where the portal shows it (a path under the client). */
function objectOf(e: FeedEvent, names: Names): { phrase: string; path: string | null; verb?: string } {
  const id = e.subjectId ?? "";
  const a = e.after;
  switch (e.action) {
    case "comms.comment.created":
    case "comms.comment.edited":
    case "comms.comment.deleted": {
      const c = COMMENTED[e.subjectType ?? ""];
      return c ? { phrase: c.noun, path: c.path(id) } : { phrase: "an item", path: null };
    }
    case "work.task.created":
    case "work.task.updated":
    case "work.task.reassigned":
    case "work.task.deleted":
    case "work.task.closed": {
      const title = text(a, "title") ?? text(e.before, "title");
      const status = text(a, "status");
      const moved =
        e.action === "work.task.updated" && status && status !== text(e.before, "status")
          ? ` to ${status.replace(/_/g, " ")}`
          : "";
      return {
        phrase: `the task ${quoted(title, "")}${moved}`.replace(/ $/, ""),
        path: `work?task=${id}`,
        ...(moved ? { verb: "moved" } : {}),
      };
    }
    case "documents.document.uploaded":
    case "documents.document.version_added":
      return { phrase: quoted(text(a, "name"), "a document"), path: `documents?document=${id}` };
    case "banking.statement.imported": {
      const lines = plural(text(a, "newLines"), "new bank line", "new bank lines");
      return {
        phrase: `${quoted(text(field(a, "file"), "name"), "a statement")} (${lines})`,
        path: `banking/accounts/${id}`,
      };
    }
    case "ledger.journal.imported":
      return { phrase: `the journal ${quoted(text(a, "fileName"), "")}`.trim(), path: "ledger/entries" };
    case "ledger.entry.posted": {
      const label = text(a, "reference") || (text(a, "number") ? `#${text(a, "number")}` : "");
      return { phrase: `journal entry ${label}`.trim(), path: `ledger/entries/${id}` };
    }
    case "ledger.entry.reversed":
      return { phrase: "a journal entry", path: `ledger/entries/${id}` };
    case "ledger.entries.posted":
      return {
        phrase: plural(text(a, "entries"), "journal entry", "journal entries"),
        path: "ledger/entries",
      };
    case "transactions.pushed":
    case "transactions.reposted":
    case "transactions.rule_posted":
    case "transactions.auto_posted": {
      const how =
        e.action === "transactions.auto_posted"
          ? " automatically"
          : e.action === "transactions.rule_posted"
            ? " by a rule"
            : "";
      return {
        phrase: `${plural(text(a, "entries"), "transaction", "transactions")}${how}`,
        path: "transactions",
      };
    }
    case "reconcile.reconciliation.started":
    case "reconcile.reconciliation.completed":
    case "reconcile.reconciliation.unreconciled": {
      const p = field(a, "period");
      const span = text(p, "from") && text(p, "to") ? ` of ${text(p, "from")} to ${text(p, "to")}` : "";
      return { phrase: `the reconciliation${span}`, path: `reconcile/${id}` };
    }
    case "ledger.period.locked":
    case "ledger.period.unlocked":
      return { phrase: inWords(text(a, "month") ?? id.split(":").at(-1) ?? null), path: "ledger/periods" };
    case "close.month.closed":
    case "close.month.closed_with_override":
    case "close.month.reopened": {
      // The subject is "<client id>:<YYYY-MM>".
      const month = id.split(":").at(-1) ?? null;
      return { phrase: `the books of ${inWords(month)}`, path: month ? `close/${month}` : null };
    }
    case "reports.package.generated":
      return { phrase: `the report package for ${inWords(text(a, "month"))}`, path: "reports/package" };
    case "user.2fa.reset":
    case "user.role.changed":
    case "user.deactivated":
    case "user.reactivated":
      return { phrase: (e.subjectId && names.person(e.subjectId)) || "a user", path: null };
    default:
      return { phrase: "", path: null };
  }
}

/** "Dana posted journal entry JE-12 for Acme", and the path of the entry. */
export function describe(e: FeedEvent, names: Names): ItemText {
  const who = actorName(e, names);
  const object = objectOf(e, names);
  const verb = object.verb ?? verbOf(e.action);
  const client = e.clientId ? names.client(e.clientId) : undefined;
  const sentence =
    [who, verb, object.phrase].filter(Boolean).join(" ") + (client ? ` for ${client.name}` : "");
  const link =
    client && object.path
      ? `/c/${encodeURIComponent(client.slug)}/${object.path}`
      : e.action.startsWith("user.") || e.action.startsWith("identity.")
        ? "/users"
        : null;
  return { sentence, link, actorName: who };
}
