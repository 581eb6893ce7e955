// Pure rules of comments: the kinds of objects people comment on and how a request names one
// ("task:<uuid>"), who may see a comment of each visibility, the text limits, and the @mentions a
// comment's text holds (an e-mail address's local part, e.g. "@ann.lee" for ann.lee@firm.test).
import { validationError } from "../../platform/errors.ts";
import { TEXT_LIMITS } from "../../platform/text-limits.ts";

export const OBJECT_KINDS = ["task", "document", "transaction", "journal_entry", "reconciliation"] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

export const VISIBILITIES = ["firm", "client"] as const;
/** "firm": the firm's people only; "client": the firm's people and the client's users. */
export type Visibility = (typeof VISIBILITIES)[number];

export const BODY_LIMIT = TEXT_LIMITS.note;
export const MAX_ATTACHMENTS = 20;
export const MAX_MENTIONS = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ObjectRef {
  kind: ObjectKind;
  id: string;
}

/** "task:<uuid>" → { kind, id }; a clear 400 naming `field` otherwise. */
export function parseObjectRef(text: string, field = "object"): ObjectRef {
  const at = text.indexOf(":");
  const kind = text.slice(0, at);
  const id = text.slice(at + 1).toLowerCase();
  if (at < 0 || !(OBJECT_KINDS as readonly string[]).includes(kind))
    throw validationError(
      "comms/invalid-object",
      `name the object as <kind>:<id>, the kind one of ${OBJECT_KINDS.join(", ")}`,
      { field },
    );
  if (!UUID.test(id))
    throw validationError("comms/invalid-object", "the object's id is not a uuid", { field });
  return { kind: kind as ObjectKind, id };
}

export function formatObjectRef(ref: ObjectRef): string {
  return `${ref.kind}:${ref.id}`;
}

/** Trims the text; refuses an empty or overlong one. Markup stays text: nothing is interpreted. */
export function checkBody(body: string, field = "body"): string {
  const text = body.replace(/\r\n?/g, "\n").trim();
  if (text.length === 0) throw validationError("comms/empty-comment", "write something", { field });
  if (text.length > BODY_LIMIT)
    throw validationError("comms/comment-too-long", `a comment has at most ${BODY_LIMIT} characters`, {
      field,
    });
  return text;
}

/** Whether a person of this side may see a comment of this visibility (the object's own rule aside). */
export function sideSees(side: "partner" | "client", visibility: Visibility): boolean {
  return side === "partner" || visibility === "client";
}

// "@ann", "@ann.lee", "@ann_lee-2"; not the "@firm" of an e-mail address written in the text
// (the @ must start the text or follow a space or an opening bracket).
const MENTION = /(^|[\s([{"'])@([a-z0-9][a-z0-9._+-]{0,63})/gi;

/** The handles a text mentions, lowercased, without duplicates, in order of appearance. */
export function mentionedHandles(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(MENTION)) {
    const handle = m[2]!.replace(/[.]+$/, "").toLowerCase(); // "@ann." at the end of a sentence
    if (handle && !out.includes(handle)) out.push(handle);
  }
  return out;
}

/** A person's handle: the local part of the e-mail address, lowercased. */
export function handleOf(email: string): string {
  const at = email.lastIndexOf("@");
  return (at < 0 ? email : email.slice(0, at)).toLowerCase();
}

export interface Person {
  id: string;
  email: string;
  name: string;
}

/**
 * Resolves handles to people. A handle two people share (ann@firm.test and ann@client.test) names
 * nobody: the author is told to pick from the list (the portal sends ids) rather than guess.
 */
export function resolveHandles(
  handles: readonly string[],
  people: readonly Person[],
): { found: Person[]; unknown: string[]; ambiguous: string[] } {
  const byHandle = new Map<string, Person[]>();
  for (const p of people) byHandle.set(handleOf(p.email), [...(byHandle.get(handleOf(p.email)) ?? []), p]);
  const found: Person[] = [];
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  for (const h of handles) {
    const matches = byHandle.get(h) ?? [];
    if (matches.length === 1) found.push(matches[0]!);
    else if (matches.length === 0) unknown.push(h);
    else ambiguous.push(h);
  }
  return { found, unknown, ambiguous };
}

/** Why a mentioned person will not be told, as the author reads it. */
export type MentionRefusal = "unknown" | "ambiguous" | "cannot-see-object" | "firm-only" | "inactive";

export function mentionWarning(who: string, why: MentionRefusal): string {
  switch (why) {
    case "unknown":
      return `@${who}: no one of your firm has this name; nobody was notified`;
    case "ambiguous":
      return `@${who}: several people have this name; pick the person from the list`;
    case "firm-only":
      return `${who} is a client user and this comment is for the firm only: not notified`;
    case "cannot-see-object":
      return `${who} cannot see this item (no access to it or to this client): not notified`;
    case "inactive":
      return `${who} is not an active user: not notified`;
  }
}
