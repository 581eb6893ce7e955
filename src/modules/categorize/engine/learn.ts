// Online learning: a posted or corrected line updates memory at once (the next line from the same
// merchant already benefits) and marks the client's model stale so a training job refits it.
import { forget, remember } from "./memory.ts";
import type { CategorizerModel } from "./state.ts";
import type { ChartMapping } from "./taxonomy.ts";
import { observation } from "./observation.ts";
import type { Coding, PostedLine } from "./types.ts";

export interface LearnContext {
  mapping: ChartMapping;
  /** The coding this line was learned with before, when a reviewer changes it (counted once). */
  previous?: Coding;
}

export interface LearnResult {
  learned: boolean;
  /** Why the line was not learned (excluded account, outside the training window). */
  skipped?: "excluded-account" | "outside-window";
  /** Corrections waiting for the client's next model training. */
  pendingForClientModel: number;
}

/** Teaches the model one posted line. Mutates `model.memory` and `model.stale`. */
export function learn(model: CategorizerModel, line: PostedLine, ctx: LearnContext): LearnResult {
  const { options } = model;
  if (ctx.previous && !options.excludedAccounts.includes(ctx.previous.account)) {
    forget(model.memory, observation({ ...line, coding: ctx.previous }, ctx.mapping));
  }
  const pending = () => model.stale[line.clientId] ?? 0;
  if (options.excludedAccounts.includes(line.coding.account)) {
    return { learned: false, skipped: "excluded-account", pendingForClientModel: pending() };
  }
  const day = line.date.slice(0, 10);
  const { from, to } = options.trainingWindow;
  if ((from && day < from) || (to && day > to)) {
    return { learned: false, skipped: "outside-window", pendingForClientModel: pending() };
  }
  remember(model.memory, observation(line, ctx.mapping));
  model.stale[line.clientId] = pending() + 1;
  return { learned: true, pendingForClientModel: pending() };
}
