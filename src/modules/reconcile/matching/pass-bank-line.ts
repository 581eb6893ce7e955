// Pass 1: a ledger entry posted from a bank line (the Transaction Manager's postings) is that
// statement line's match, whatever its date or text. Several ledger lines from one bank line (an
// entry reversed and posted again, a split posting) match together when they sum to the line.
import { amountsDiffer, daysApart } from "./reasons.ts";
import { take, type Books } from "./prepared.ts";

export function matchByBankLine(books: Books): void {
  const fromBankLine = new Map<string, number[]>();
  for (const l of books.ledger) {
    if (l.bankLineId === null || books.ledgerTaken[l.index] !== -1) continue;
    const list = fromBankLine.get(l.bankLineId);
    if (list) list.push(l.index);
    else fromBankLine.set(l.bankLineId, [l.index]);
  }
  if (fromBankLine.size === 0) return;
  for (const s of books.statement) {
    if (s.bankLineId === null || books.statementTaken[s.index] !== -1) continue;
    const group = fromBankLine.get(s.bankLineId);
    if (!group) continue;
    fromBankLine.delete(s.bankLineId); // a bank line appearing twice in a statement matches once
    let sum = 0n;
    for (const j of group) sum += books.ledger[j]!.amount;
    const reasons = ["same bank line"];
    if (sum === s.amount) {
      reasons.push(
        group.length === 1 ? "amount equal" : `${group.length} ledger lines posted from it sum to its amount`,
      );
    } else {
      reasons.push(amountsDiffer(sum, s.amount, books.scale));
    }
    if (group.length === 1) reasons.push(daysApart(s, books.ledger[group[0]!]!));
    take(books, {
      class: sum === s.amount ? "confident" : "possible",
      kind: "bank-line",
      score: sum === s.amount ? 1 : 0.6,
      reasons,
      statement: [s.index],
      ledger: group,
    });
  }
}
