// Rows of a bank's CSV export that summarize rather than record: opening and closing balances and totals,
// in the languages whose headers the CSV reader knows. They are skipped (with a warning), never imported.

const TOTAL =
  /^(?:sub-?\s*)?(?:totals?|totaal|totale|summe|somme|suma|soma)(?:\s+(?:(?:of|des|de|der|dei|do|da|van)\s+.*|debits?|credits?|deposits?|withdrawals?|payments?|charges?|transactions?|amount|money\s+(?:in|out)|paid\s+(?:in|out)|for\s+.*|period|month|cargos|abonos|ums[aä]tze))?\s*:?\s*$/i;
const TRANSACTIONS_TOTAL =
  /^(?:transactions?|movimientos|operations|opérations|umsätze|umsaetze)\s+totals?\s*:?\s*$/i;
const BALANCE =
  /^(?:(?:opening|closing|starting|ending|beginning|start|end|previous|new|brought\s+forward|carried\s+forward)\s+balance|balance\s+(?:at|as\s+(?:of|at)|on|brought|carried|b\/f|c\/f|forward)|(?:anfangs|end|schluss|start|begin|eind)saldo|(?:alter|neuer)\s+(?:kontostand|saldo)|(?:ancien|nouveau)\s+solde)\b/i;
const LOCAL_BALANCE =
  /^(?:saldo|solde|kontostand)(?:\s+(?:inicial|final|anterior|iniziale|finale|precedente|contabile|initial|pr[ée]c[ée]dent|cr[ée]diteur|d[ée]biteur|au|am|vom|per|del|al|a|de|do|da|na|op)\b.*)?\s*:?\s*$/i;

/** True when a row's text says it is a balance or a total line, not a transaction. */
export function isSummaryText(text: string): boolean {
  if (text === "") return false;
  const first = text.charCodeAt(0) | 0x20;
  // Every pattern starts with one of these letters; most descriptions are rejected by this test alone.
  if (!SUMMARY_INITIALS.has(first)) return false;
  return TOTAL.test(text) || TRANSACTIONS_TOTAL.test(text) || BALANCE.test(text) || LOCAL_BALANCE.test(text);
}

const SUMMARY_INITIALS = new Set([..."tsobcepnafkmu"].map((c) => c.charCodeAt(0)));
