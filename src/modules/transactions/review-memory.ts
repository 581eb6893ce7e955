// What review teaches memory: the lesson of a transaction's new coding (a correction when it differs
// from the prediction), taught for many transactions at once, with what was learned kept on each.
import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import * as categorize from "../categorize/index.ts";
import type { Coding as EngineCoding, LearnItem } from "../categorize/index.ts";
import type { Coding } from "./model.ts";
import type { ClientScope } from "./scope.ts";
import * as store from "./store.ts";
import type { TransactionRow } from "./store.ts";
import { engineCoding, lineOf, predictedCodingOf } from "./view.ts";

const learnedOf = (row: TransactionRow): EngineCoding | undefined =>
  (row.learned as EngineCoding | null) ?? undefined;

function sameEngineCoding(a: EngineCoding | null | undefined, b: EngineCoding | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The memory lesson of a transaction's new coding, unless memory already holds exactly it. */
export function lessonOf(row: TransactionRow, coding: Coding): LearnItem | null {
  const teach = engineCoding(coding);
  if (!teach || sameEngineCoding(teach, learnedOf(row))) return null;
  const predicted = engineCoding(predictedCodingOf(row));
  return {
    line: lineOf(row),
    coding: teach,
    previous: learnedOf(row),
    correction: !sameEngineCoding(teach, predicted),
  };
}

/** Teaches memory the lessons at once and records what it learned on each transaction. */
export async function teach(
  c: Ctx,
  actor: Actor,
  s: ClientScope,
  rows: TransactionRow[],
  lessons: ReadonlyArray<{ row: TransactionRow; lesson: LearnItem }>,
): Promise<TransactionRow[]> {
  if (lessons.length === 0) return rows;
  const outcome = await categorize.learnCodings(
    c,
    actor,
    s,
    lessons.map((l) => l.lesson),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [i, { row, lesson }] of lessons.entries()) {
    // Not learned (excluded account, outside the window): memory no longer holds the old vote either.
    const learned = outcome.learned[i] ? lesson.coding : null;
    byId.set(
      row.id,
      await store.updateTransaction(c.db, s, row.id, { learned: learned ? JSON.stringify(learned) : null }),
    );
  }
  return rows.map((r) => byId.get(r.id)!);
}
