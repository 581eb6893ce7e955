// The best pairing inside a small group of lines that compete for each other (equal amounts on
// nearby days), found exactly: a dynamic programme over which lines of the smaller side are used.
// Lines may stay unpaired. Also how much a chosen pair matters: the loss when it is forbidden.

export interface Edge {
  /** Local index on the statement side. */
  s: number;
  /** Local index on the ledger side. */
  l: number;
  /** Integer weight (score × 1000), so sums compare exactly. */
  w: number;
}

/** Whether a group is small enough for the exact programme. */
export function exactFits(statementCount: number, ledgerCount: number, maxSmall: number): boolean {
  return Math.min(statementCount, ledgerCount) <= maxSmall && statementCount + ledgerCount <= 48;
}

interface Solution {
  total: number;
  edges: number[];
}

/** The heaviest set of edges with no line twice, leaving out edges for which `allowed` is false. */
export function bestAssignment(
  edges: readonly Edge[],
  statementCount: number,
  ledgerCount: number,
  allowed: (edge: number) => boolean = () => true,
): Solution {
  // Walk the larger side; remember the smaller side's used lines as bits.
  const walkStatement = statementCount >= ledgerCount;
  const large = walkStatement ? statementCount : ledgerCount;
  const small = walkStatement ? ledgerCount : statementCount;
  const byLarge: number[][] = Array.from({ length: large }, () => []);
  edges.forEach((e, i) => {
    if (allowed(i)) byLarge[walkStatement ? e.s : e.l]!.push(i);
  });
  const masks = 1 << small;
  const memo = new Float64Array((large + 1) * masks).fill(-1);
  const value = (p: number, mask: number): number => {
    if (p === large) return 0;
    const key = p * masks + mask;
    const known = memo[key]!;
    if (known >= 0) return known;
    let best = value(p + 1, mask);
    for (const i of byLarge[p]!) {
      const e = edges[i]!;
      const bit = 1 << (walkStatement ? e.l : e.s);
      if (mask & bit) continue;
      const v = e.w + value(p + 1, mask | bit);
      if (v > best) best = v;
    }
    memo[key] = best;
    return best;
  };
  const total = value(0, 0);
  // Follow the memo back to the chosen edges (first best in edge order: deterministic).
  const chosen: number[] = [];
  let mask = 0;
  for (let p = 0; p < large; p++) {
    const here = value(p, mask);
    if (here === value(p + 1, mask)) continue;
    for (const i of byLarge[p]!) {
      const e = edges[i]!;
      const bit = 1 << (walkStatement ? e.l : e.s);
      if (!(mask & bit) && e.w + value(p + 1, mask | bit) === here) {
        chosen.push(i);
        mask |= bit;
        break;
      }
    }
  }
  return { total, edges: chosen };
}
