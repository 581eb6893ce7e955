// Decimal-string amounts for display and entry: thousands separators, parsing what people type,
// and exact sums in minor units (bigint) so no float ever touches money.

/** "-12345.5" → "-12,345.5"; keeps the digits it is given. */
export function formatAmount(amount: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(amount.trim());
  if (!m) return amount;
  const [, sign, int = "", frac] = m;
  const grouped = (int || "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign === "-" ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** Parses "1,250.00", "1250", ".5" into minor units at `scale` decimals; null when not an amount. */
export function toMinor(text: string, scale = 2): bigint | null {
  const cleaned = text.replace(/[,\s]/g, "");
  if (cleaned === "") return null;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const frac = m[3] ?? "";
  if (frac.length > scale) return null;
  const units = BigInt((m[2] || "0") + frac.padEnd(scale, "0"));
  return m[1] === "-" ? -units : units;
}

/** Minor units back to a decimal string at `scale` decimals. */
export function fromMinor(units: bigint, scale = 2): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? `.${digits.slice(-scale)}` : "";
  return `${negative ? "-" : ""}${int}${frac}`;
}

/** A typed amount normalised for the API ("1,250" → "1250"), or undefined when blank. */
export function cleanAmount(text: string): string | undefined {
  const cleaned = text.replace(/[,\s]/g, "");
  return cleaned === "" ? undefined : cleaned;
}

/** Debit and credit columns of a signed amount ("-5.00" → credit "5.00"). */
export function debitCredit(amount: string): { debit: string; credit: string } {
  return amount.startsWith("-") ? { debit: "", credit: amount.slice(1) } : { debit: amount, credit: "" };
}
