// Small display helpers of the banking pages.

/** "2026-06-15T12:00:00Z" → "Jun 15, 2026" (and the time when asked). */
export function formatDate(iso: string, withTime = false): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return d.toLocaleString("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
    ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
  });
}

export const KIND_LABELS = { bank: "Bank account", credit_card: "Credit card" } as const;

export const FORMAT_LABELS: Record<string, string> = {
  ofx: "OFX",
  qfx: "QFX (Quicken)",
  qif: "QIF",
  csv: "CSV",
  camt052: "ISO 20022 camt.052",
  camt053: "ISO 20022 camt.053",
  camt054: "ISO 20022 camt.054",
  mt940: "SWIFT MT940",
  bai2: "BAI2",
  pdf: "PDF statement",
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
