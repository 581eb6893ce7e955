// Pass 4: one line against several on the other side — a deposit of several receipts, several card
// charges booked as one entry, a payroll debit against the net-pay lines — found by a bounded
// subset-sum among the nearby lines still unmatched. Lines whose text resembles the total's are
// searched first (split card charges keep the merchant's name); then the nearest by date. A sum is
// confident only when it is the only one found, chance could hardly produce it, and no other sum
// claims any of its lines.
import { dateScore, round2, textSimilarity } from "./reasons.ts";
import { take, type Books, type Line } from "./prepared.ts";
import { findSubsets } from "./subset-sum.ts";
import type { MatchOptions } from "./types.ts";

interface Proposal {
  /** The single line and which side it is on. */
  total: Line;
  totalSide: "statement" | "ledger";
  parts: Line[];
  unique: boolean;
  chance: number;
  score: number;
  alike: boolean;
}

const abs = (a: bigint) => (a < 0n ? -a : a);

/** Free lines of `side` in date order, for windows by binary search. */
function free(lines: readonly Line[], taken: Int32Array): Line[] {
  return lines.filter((l) => taken[l.index] === -1 && l.amount !== 0n);
}

function similarity(total: Line, part: Line, totalSide: "statement" | "ledger"): number {
  return totalSide === "statement" ? textSimilarity(total, part) : textSimilarity(part, total);
}

/**
 * The clearing direction: the bank books a line on or after the day the books do, so a deposit's
 * receipts are dated before it and a booked total's card charges after it (a day of slack).
 */
function inClearingWindow(
  total: Line,
  totalSide: Proposal["totalSide"],
  part: Line,
  window: number,
): boolean {
  const d = part.businessDay - total.businessDay;
  return totalSide === "statement" ? d >= -window && d <= 1 : d >= -1 && d <= window;
}

function propose(
  total: Line,
  totalSide: Proposal["totalSide"],
  pool: readonly Line[],
  options: MatchOptions,
): Proposal | null {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pool[mid]!.businessDay < total.businessDay - options.sumWindow) lo = mid + 1;
    else hi = mid;
  }
  const near: { line: Line; alike: number }[] = [];
  const target = abs(total.amount);
  for (let k = lo; k < pool.length && pool[k]!.businessDay <= total.businessDay + options.sumWindow; k++) {
    const p = pool[k]!;
    if (p.amount < 0n !== total.amount < 0n || abs(p.amount) >= target) continue;
    near.push({ line: p, alike: similarity(total, p, totalSide) });
  }
  if (near.length < 2) return null;
  const distance = (l: Line) => Math.abs(l.businessDay - total.businessDay);
  near.sort(
    (a, b) => distance(a.line) - distance(b.line) || b.alike - a.alike || a.line.index - b.line.index,
  );
  const search = (lines: Line[], alike: boolean): Proposal | null => {
    if (lines.length < 2) return null;
    const found = findSubsets(
      target,
      lines.map((l) => abs(l.amount)),
      options.maxParts,
    );
    if (found.solutions.length === 0) return null;
    const parts = found.solutions[0]!.map((i) => lines[i]!);
    let dates = 0;
    for (const p of parts) dates += dateScore(total, p, options.sumWindow);
    const textShare = alike
      ? 1
      : parts.reduce((t, p) => t + similarity(total, p, totalSide), 0) / parts.length;
    return {
      total,
      totalSide,
      parts,
      unique: found.solutions.length === 1,
      chance: found.chance,
      score: 0.5 + 0.3 * (dates / parts.length) + 0.2 * textShare,
      alike,
    };
  };
  const convincing = (p: Proposal | null) => p !== null && p.unique && p.chance <= options.maxChanceSums;
  // Smallest pools first, where a sum means most: lines that read like the total, then lines on
  // the clearing side of it; then every nearby line, which can only suggest.
  const cap = options.maxCandidates;
  const clearing = near.filter((c) => inClearingWindow(total, totalSide, c.line, options.sumWindow));
  const alike = search(
    clearing
      .filter((c) => c.alike >= 0.5)
      .slice(0, cap)
      .map((c) => c.line),
    true,
  );
  if (convincing(alike)) return alike;
  const directed = search(
    clearing.slice(0, cap).map((c) => c.line),
    false,
  );
  if (convincing(directed)) return directed;
  return (
    alike ??
    directed ??
    search(
      near.slice(0, cap).map((c) => c.line),
      false,
    )
  );
}

function reasonsOf(p: Proposal, confident: boolean): string[] {
  const n = p.parts.length;
  const what =
    p.totalSide === "statement"
      ? p.total.amount > 0n
        ? `${n} receipts sum to the deposit`
        : `${n} ledger payments sum to the withdrawal`
      : p.total.amount > 0n
        ? `${n} deposits sum to the ledger line`
        : `${n} statement debits sum to the ledger line`;
  const days = p.parts.map((q) => Math.abs(q.day - p.total.day));
  const spread = Math.max(...days);
  const reasons = [
    what,
    spread === 0 ? "all the same day" : `within ${spread} day${spread === 1 ? "" : "s"}`,
  ];
  if (p.alike) reasons.push("descriptions alike");
  if (!p.unique) reasons.push("another combination also sums to it");
  else if (!confident)
    reasons.push("the only combination found, but such a sum could be chance or is contested");
  else reasons.push("no other combination does");
  return reasons;
}

function proposeAll(books: Books, options: MatchOptions): Proposal[] {
  const statementPool = free(books.statement, books.statementTaken);
  const ledgerPool = free(books.ledger, books.ledgerTaken);
  const proposals: Proposal[] = [];
  if (statementPool.length === 0 || ledgerPool.length === 0) return proposals;
  for (const s of statementPool) {
    const p = propose(s, "statement", ledgerPool, options);
    if (p) proposals.push(p);
  }
  for (const l of ledgerPool) {
    const p = propose(l, "ledger", statementPool, options);
    if (p) proposals.push(p);
  }
  return proposals;
}

/** Rounds in which only sure sums are taken, each on a smaller pool, before the rest is proposed. */
const SURE_ROUNDS = 3;

export function matchBySum(books: Books, options: MatchOptions): void {
  // Searching again only near what was taken would not pay: sums are taken all over the period.
  for (let round = 0; ; round++) {
    const proposals = proposeAll(books, options);
    // A line claimed by two proposals is contested: neither of them can be confident.
    const claims = new Map<Line, number>();
    for (const p of proposals)
      for (const line of [p.total, ...p.parts]) claims.set(line, (claims.get(line) ?? 0) + 1);
    const strong = (p: Proposal) =>
      p.unique &&
      p.chance <= options.maxChanceSums &&
      [p.total, ...p.parts].every((line) => claims.get(line) === 1);
    const order = proposals
      .map((p, i) => ({ p, i, strong: strong(p) }))
      .sort((a, b) => Number(b.strong) - Number(a.strong) || b.p.score - a.p.score || a.i - b.i);
    // Sure sums leave the pool, which makes the sums among what remains rarer, hence surer: search
    // again. Once a round finds nothing sure, the rest is proposed as possible.
    const last = round === SURE_ROUNDS || !order.some((o) => o.strong);
    for (const { p, strong: confident } of order) {
      if (!confident && !last) break;
      const [sLines, lLines] = p.totalSide === "statement" ? [[p.total], p.parts] : [p.parts, [p.total]];
      if (
        sLines.some((l) => books.statementTaken[l.index] !== -1) ||
        lLines.some((l) => books.ledgerTaken[l.index] !== -1)
      )
        continue;
      take(books, {
        class: confident ? "confident" : "possible",
        kind: "sum",
        score: round2(confident ? p.score : Math.min(p.score, 0.89)),
        reasons: reasonsOf(p, confident),
        statement: sLines.map((l) => l.index).sort((a, b) => a - b),
        ledger: lLines.map((l) => l.index).sort((a, b) => a - b),
      });
    }
    if (last) return;
  }
}
