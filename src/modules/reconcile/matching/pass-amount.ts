// Pass 3: equal amounts within a window of business days, scored by how close the dates are and
// how alike the texts read. Lines that compete for each other (the same amount on nearby days) form
// a group; each group is paired as a whole (the best total), and a pair is confident only when it
// is clearly better than the group's best pairing without it. Identical lines (same day, amount and
// words) are interchangeable: which of two identical coffees pairs with which changes nothing.
import { amountDensity, type AmountDensity } from "./amount-chance.ts";
import { bestAssignment, exactFits, type Edge } from "./assignment.ts";
import { dateScore, daysApart, round2, textReason, textSimilarity } from "./reasons.ts";
import { take, type Books, type Line } from "./prepared.ts";
import type { MatchOptions } from "./types.ts";

interface Candidate {
  s: Line;
  l: Line;
  score: number;
  /** Word similarity, 0..1. */
  text: number;
}

/**
 * Expected coincidences of a statement line's amount in the window (amount-chance.ts), on either
 * side, remembered per line. Only a match whose texts do not agree asks: most never do.
 */
function chanceOf(books: Books, options: MatchOptions): (s: Line) => number {
  let ledgerDensity: AmountDensity | null = null;
  let statementDensity: AmountDensity | null = null;
  const known = new Float64Array(books.statement.length).fill(-1);
  return (s) => {
    if (known[s.index]! >= 0) return known[s.index]!;
    ledgerDensity ??= amountDensity(books.ledger);
    statementDensity ??= amountDensity(books.statement);
    const chance = Math.max(
      ledgerDensity.chance(s.amount, options.dateWindow),
      statementDensity.chance(s.amount, options.dateWindow),
    );
    known[s.index] = chance;
    return chance;
  };
}

function candidates(books: Books, options: MatchOptions): Candidate[] {
  const byAmount = new Map<bigint, Line[]>();
  for (const l of books.ledger) {
    if (books.ledgerTaken[l.index] !== -1) continue;
    const list = byAmount.get(l.amount);
    if (list) list.push(l);
    else byAmount.set(l.amount, [l]);
  }
  const out: Candidate[] = [];
  for (const s of books.statement) {
    if (books.statementTaken[s.index] !== -1) continue;
    const list = byAmount.get(s.amount);
    if (!list) continue;
    // Lists are in date order: start at the window's first business day.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.businessDay < s.businessDay - options.dateWindow) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length && list[k]!.businessDay <= s.businessDay + options.dateWindow; k++) {
      const l = list[k]!;
      const text = textSimilarity(s, l);
      const score = 0.5 + 0.3 * dateScore(s, l, options.dateWindow) + 0.2 * text;
      out.push({ s, l, score, text });
    }
  }
  return out;
}

/** Groups of candidates that share a line, each group in first-candidate order. */
function groups(books: Books, all: readonly Candidate[]): Candidate[][] {
  const n = books.statement.length;
  const parent = new Int32Array(n + books.ledger.length).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const c of all) {
    const a = find(c.s.index);
    const b = find(n + c.l.index);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const byRoot = new Map<number, Candidate[]>();
  for (const c of all) {
    const root = find(c.s.index);
    const list = byRoot.get(root);
    if (list) list.push(c);
    else byRoot.set(root, [c]);
  }
  return [...byRoot.values()];
}

const statementKey = (s: Line) => `${s.day}|${s.words.join(" ")}`;
const ledgerKey = (l: Line) => `${l.day}|${l.words.join(" ")}|${l.payeeWords.join(" ")}`;

/**
 * An equal amount is evidence in itself only when the amount is uncommon; a common one (small card
 * charges, round sums) needs the texts to agree too, or a stray line of the same amount would be
 * taken for the missing one's partner.
 */
function evidence(c: Candidate, ctx: Context): boolean {
  return (
    c.score >= ctx.options.minConfident && (c.text >= 0.75 || ctx.chance(c.s) <= ctx.options.maxChanceAmount)
  );
}

interface Context {
  books: Books;
  options: MatchOptions;
  chance: (s: Line) => number;
}

function record(ctx: Context, c: Candidate, confident: boolean, alternatives: string | null): void {
  const reasons = ["amount equal", daysApart(c.s, c.l)];
  const text = textReason(c.s, c.l);
  if (text) reasons.push(text);
  if (c.text < 0.75 && ctx.chance(c.s) <= ctx.options.maxChanceAmount) reasons.push("an uncommon amount");
  if (alternatives) reasons.push(alternatives);
  else if (!confident)
    reasons.push(c.text >= 0.75 ? "dates far apart" : "a common amount, and the texts differ");
  take(ctx.books, {
    class: confident ? "confident" : "possible",
    kind: "amount",
    score: round2(confident ? c.score : Math.min(c.score, 0.89)),
    reasons,
    statement: [c.s.index],
    ledger: [c.l.index],
  });
}

function resolveGroup(ctx: Context, group: Candidate[]): void {
  const { books, options } = ctx;
  if (group.length === 1) {
    // The common case: one statement line, one ledger line of its amount nearby, nothing else.
    const c = group[0]!;
    record(ctx, c, evidence(c, ctx), null);
    return;
  }
  const sLocal = new Map<Line, number>();
  const lLocal = new Map<Line, number>();
  for (const c of group) {
    if (!sLocal.has(c.s)) sLocal.set(c.s, sLocal.size);
    if (!lLocal.has(c.l)) lLocal.set(c.l, lLocal.size);
  }
  const edges: Edge[] = group.map((c) => ({
    s: sLocal.get(c.s)!,
    l: lLocal.get(c.l)!,
    w: Math.round(c.score * 1000),
  }));
  if (!exactFits(sLocal.size, lLocal.size, options.maxExactGroup)) {
    // Too many look-alikes to weigh exactly: pair best-first and let a person confirm.
    const order = group.map((_, i) => i).sort((a, b) => edges[b]!.w - edges[a]!.w || a - b);
    for (const i of order) {
      const c = group[i]!;
      if (books.statementTaken[c.s.index] === -1 && books.ledgerTaken[c.l.index] === -1)
        record(ctx, c, false, `${sLocal.size + lLocal.size} lines of this amount compete nearby`);
    }
    return;
  }

  const best = bestAssignment(edges, sLocal.size, lLocal.size);
  const sKeys = [...sLocal.keys()].map(statementKey);
  const lKeys = [...lLocal.keys()].map(ledgerKey);
  for (const i of best.edges) {
    const e = edges[i]!;
    const c = group[i]!;
    // Forbid this pairing and every pairing of a line identical to either of its lines.
    const without = bestAssignment(edges, sLocal.size, lLocal.size, (k) => {
      const f = edges[k]!;
      return !(sKeys[f.s] === sKeys[e.s] && lKeys[f.l] === lKeys[e.l]);
    });
    const clear = (best.total - without.total) / 1000 >= options.margin;
    const confident = clear && evidence(c, ctx);
    // A clear lead with too little evidence says why in record(); an unclear one says it here.
    record(
      ctx,
      c,
      confident,
      confident
        ? `clearly better than the ${sLocal.size + lLocal.size - 2} other line(s) of this amount nearby`
        : clear
          ? null
          : "another line of this amount fits about as well",
    );
  }
}

export function matchByAmount(books: Books, options: MatchOptions): void {
  const ctx: Context = { books, options, chance: chanceOf(books, options) };
  for (const group of groups(books, candidates(books, options))) resolveGroup(ctx, group);
}
