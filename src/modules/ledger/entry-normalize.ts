// Entry input as it is stored: an ISO date, a trimmed description, and no empty reference or comment.
import { parseIsoDate } from "../../platform/dates.ts";
import type { EntryInput } from "./model.ts";

export function normalize(input: EntryInput): EntryInput {
  return {
    date: parseIsoDate(input.date),
    description: (input.description ?? "").trim(),
    reference: input.reference?.trim() || null,
    comment: input.comment?.trim() || null,
    lines: input.lines,
  };
}
