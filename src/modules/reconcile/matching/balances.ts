// The reconciliation's arithmetic: what has cleared, the cleared balance, and the difference a
// person must bring to zero before the period can be completed.

export interface ReconciliationBalances {
  opening: bigint;
  closing: bigint;
  /** Sum of the cleared lines that put money in. */
  clearedDeposits: bigint;
  /** Sum of the cleared lines that took money out (negative or zero). */
  clearedPayments: bigint;
  /** opening + every cleared line. */
  clearedBalance: bigint;
  /** closing − cleared balance: zero when the books agree with the bank. */
  difference: bigint;
}

/** Balances from the statement's opening and closing and the ledger lines marked cleared. */
export function reconciliationBalances(
  statement: { opening: bigint; closing: bigint },
  cleared: Iterable<{ amount: bigint }>,
): ReconciliationBalances {
  let clearedDeposits = 0n;
  let clearedPayments = 0n;
  for (const line of cleared) {
    if (line.amount >= 0n) clearedDeposits += line.amount;
    else clearedPayments += line.amount;
  }
  const clearedBalance = statement.opening + clearedDeposits + clearedPayments;
  return {
    opening: statement.opening,
    closing: statement.closing,
    clearedDeposits,
    clearedPayments,
    clearedBalance,
    difference: statement.closing - clearedBalance,
  };
}

/** Ids of the ledger lines in the matches of the given classes (the ones accepted so far). */
export function matchedLedgerIds(
  result: { matches: readonly { class: string; ledger: readonly string[] }[] },
  classes: readonly string[] = ["confident"],
): Set<string> {
  const ids = new Set<string>();
  for (const m of result.matches) if (classes.includes(m.class)) for (const id of m.ledger) ids.add(id);
  return ids;
}
