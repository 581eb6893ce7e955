// Money in and money out are different evidence: a deposit coded to an expense account, or a
// payment to an income account, is a mistake unless this client's own books do it (a supplier's
// refund booked against its expense). Pure: weighs a ranking's candidates by the line's direction.
import { directionCount, type MemoryState } from "./memory.ts";
import type { BankLine } from "./types.ts";

/** The account types the rule needs (a client's chart: account id → type). */
export type AccountTypes = ReadonlyMap<string, string>;

/** How much of its probability a candidate against the line's direction keeps before the choice. */
export const AGAINST_DIRECTION_WEIGHT = 0.1;

/** True when coding this line to `account` goes against its direction and the client never has. */
export function againstDirection(
  memory: MemoryState,
  line: Pick<BankLine, "clientId" | "amount">,
  account: string,
  types: AccountTypes | undefined,
): boolean {
  if (!types || line.amount === 0n) return false;
  const type = types.get(account);
  const against = line.amount > 0n ? type === "expense" : type === "income";
  return against && directionCount(memory, line.clientId, line.amount, account) === 0;
}

/**
 * Scales down the candidates against the line's direction (in place), renormalizes, and returns
 * the index of the candidate to choose: `best` (the combiner's choice) when it is not against the
 * direction, else the most likely candidate after the scaling — an income account beats an expense
 * account for a deposit unless the expense account is far more likely on every other count.
 */
export function weighDirection(
  memory: MemoryState,
  line: Pick<BankLine, "clientId" | "amount">,
  accounts: readonly string[],
  probabilities: Float64Array,
  count: number,
  best: number,
  types: AccountTypes | undefined,
): number {
  if (!types || line.amount === 0n) return best;
  let total = 0;
  let scaled = false;
  for (let i = 0; i < count; i++) {
    if (againstDirection(memory, line, accounts[i]!, types)) {
      probabilities[i]! *= AGAINST_DIRECTION_WEIGHT;
      scaled = true;
    }
    total += probabilities[i]!;
  }
  if (!scaled) return best;
  if (total > 0) for (let i = 0; i < count; i++) probabilities[i]! /= total;
  if (!againstDirection(memory, line, accounts[best]!, types)) return best;
  let chosen = 0;
  for (let i = 1; i < count; i++) if (probabilities[i]! > probabilities[chosen]!) chosen = i;
  return chosen;
}
