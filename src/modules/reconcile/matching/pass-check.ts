// Pass 2: a check number on both sides identifies the payment even when it clears weeks later or
// the books describe it differently. A number that appears twice on either side proves nothing and
// is left to the amount pass.
import { amountsDiffer, daysApart } from "./reasons.ts";
import { take, type Books, type Line } from "./prepared.ts";

function byCheck(lines: readonly Line[], taken: Int32Array): Map<string, Line[]> {
  const map = new Map<string, Line[]>();
  for (const l of lines) {
    if (l.check === null || taken[l.index] !== -1) continue;
    const list = map.get(l.check);
    if (list) list.push(l);
    else map.set(l.check, [l]);
  }
  return map;
}

export function matchByCheckNumber(books: Books): void {
  const statement = byCheck(books.statement, books.statementTaken);
  if (statement.size === 0) return;
  const ledger = byCheck(books.ledger, books.ledgerTaken);
  for (const [check, sLines] of statement) {
    const gLines = ledger.get(check);
    if (sLines.length !== 1 || gLines?.length !== 1) continue;
    const s = sLines[0]!;
    const l = gLines[0]!;
    // A check is money out on both sides; a deposit that quotes a number is not the same thing.
    if (s.amount < 0n !== l.amount < 0n) continue;
    const equal = s.amount === l.amount;
    take(books, {
      class: equal ? "confident" : "possible",
      kind: "check",
      score: equal ? 0.98 : 0.6,
      reasons: [
        `check ${check} on both`,
        equal ? "amount equal" : amountsDiffer(s.amount, l.amount, books.scale),
        daysApart(s, l),
      ],
      statement: [s.index],
      ledger: [l.index],
    });
  }
}
