// The mentions of a comment: the @handles in its text and the people the portal picked from the
// list, each checked as a reader of the comment. Those who may read it are told; for the others
// the author gets a warning in the reply and nobody is notified.
import type { CommsCtx } from "./comms-ctx.ts";
import { firmPeople, refusalFor, type Audience } from "./audience.ts";
import { mentionWarning, mentionedHandles, resolveHandles, MAX_MENTIONS } from "./model.ts";
import { validationError } from "../../platform/errors.ts";

export interface ResolvedMentions {
  /** People mentioned who may read the comment (the author aside). */
  readers: string[];
  warnings: string[];
}

export async function resolveMentions(
  cctx: CommsCtx,
  a: Audience,
  input: { body: string; mentions: readonly string[]; authorId: string },
): Promise<ResolvedMentions> {
  const people = await firmPeople(cctx.db, a.firmId);
  const byId = new Map(people.map((p) => [p.id, p]));
  const { found, unknown, ambiguous } = resolveHandles(mentionedHandles(input.body), people);
  const warnings = [
    ...unknown.map((h) => mentionWarning(h, "unknown")),
    ...ambiguous.map((h) => mentionWarning(h, "ambiguous")),
  ];
  const ids = new Set(found.map((p) => p.id));
  input.mentions.forEach((id, i) => {
    if (byId.has(id)) ids.add(id);
    else warnings.push(mentionWarning(`mentions[${i}]`, "unknown"));
  });
  ids.delete(input.authorId);
  if (ids.size > MAX_MENTIONS)
    throw validationError("comms/too-many-mentions", `mention at most ${MAX_MENTIONS} people`, {
      field: "mentions",
    });
  const readers: string[] = [];
  for (const id of ids) {
    const why = await refusalFor(cctx, a, id);
    if (why === null) readers.push(id);
    else warnings.push(mentionWarning(byId.get(id)!.name, why));
  }
  return { readers, warnings };
}
