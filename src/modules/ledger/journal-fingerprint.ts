// Keys that recognise a journal transaction already imported: a fingerprint of what it books (date,
// code, description, and each posting's account, amount and cost, decimals normalised), numbered by
// its occurrence in the file — so the same journal imported twice is skipped, while two identical
// genuine transactions in one file (two coffees the same day) stay two. Pure.
import { createHash } from "node:crypto";
import { normalizeDec } from "./journal-text/decimal.ts";
import type { Amount, ParsedEntry } from "./journal-text/types.ts";

function amountText(a: Amount): string {
  const n = a.quantity % 10n === 0n && a.scale > 0 ? normalizeDec(a) : a;
  return `${n.quantity}e-${n.scale} ${a.commodity}`;
}

/** The fingerprint of one transaction's content (not of its comments or layout). */
export function transactionFingerprint(e: ParsedEntry): string {
  const parts = [e.date, e.code, e.description];
  for (const p of e.postings) {
    const kind = p.isVirtual ? (p.balanced ? "[]" : "()") : "";
    parts.push(`${kind}${p.account}=${amountText(p.amount)}${p.cost ? `@@${amountText(p.cost)}` : ""}`);
  }
  // SHA-256 from node's native code: faster than any hash written in JavaScript here.
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32);
}

/** One key per entry, "j:<fingerprint>#<occurrence in the file>". */
export function importKeysOf(entries: readonly ParsedEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const fp = transactionFingerprint(e);
    const n = (seen.get(fp) ?? 0) + 1;
    seen.set(fp, n);
    return `j:${fp}#${n}`;
  });
}
