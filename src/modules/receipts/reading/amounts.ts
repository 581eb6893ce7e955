// Amounts and currencies as receipts print them: "$4.90", "4,90 €", "1.234,56", "1,234.56",
// "EUR 12.00", "CA$ 7.25", "¥1,200" (no decimals). Pure: text in, minor units out.

/** Currencies a receipt names by code; symbols are read by `currencyOfSymbol`. */
export const ISO_CODES = [
  "USD",
  "EUR",
  "GBP",
  "CAD",
  "AUD",
  "NZD",
  "CHF",
  "JPY",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "MXN",
  "INR",
  "SGD",
  "HKD",
  "ZAR",
] as const;

const ZERO_DECIMALS = new Set(["JPY"]);

export function decimalsOf(currency: string): number {
  return ZERO_DECIMALS.has(currency) ? 0 : 2;
}

/** A money figure found on a line, in minor units of a 2-decimal currency unless `decimals` says 0. */
export interface FoundAmount {
  /** Minor units at `decimals`. */
  minor: bigint;
  decimals: number;
  /** Where on the line it starts (a label is what comes before it). */
  index: number;
  /** The currency its own symbol or code says, if any. */
  currency: string | null;
}

// A figure with two decimals ("1,234.56", "1.234,56", "12,50", "4.90") or, after a symbol or a code,
// a whole number ("¥1,200", "JPY 1200"). A figure followed by % is a rate, not money.
const SYMBOL = String.raw`(?:US\$|CA\$|C\$|A\$|AU\$|NZ\$|\$|€|£|¥|EUR|USD|GBP|CAD|AUD|NZD|CHF|JPY|SEK|NOK|DKK|PLN|MXN|INR|SGD|HKD|ZAR)`;
const DECIMAL = String.raw`\d{1,3}(?:[,. ']\d{3})+[.,]\d{2}|\d+[.,]\d{2}`;
const WHOLE = String.raw`\d{1,3}(?:[, ']\d{3})+|\d+`;
const AMOUNT = new RegExp(
  String.raw`(-)?(?:(${SYMBOL})\s?(-)?(${DECIMAL}|${WHOLE})|(${DECIMAL}))(?!\d|\s?%|[.,]\d)\s?(${SYMBOL})?`,
  "g",
);

export function currencyOfSymbol(symbol: string | undefined, homeCurrency: string | null): string | null {
  if (!symbol) return null;
  switch (symbol) {
    case "€":
      return "EUR";
    case "£":
      return "GBP";
    case "¥":
      return "JPY";
    case "US$":
      return "USD";
    case "CA$":
    case "C$":
      return "CAD";
    case "A$":
    case "AU$":
      return "AUD";
    case "NZ$":
      return "NZD";
    case "$":
      // A bare dollar sign is the client's own dollar when its currency is one, else the US dollar.
      return homeCurrency && /^(USD|CAD|AUD|NZD|SGD|HKD|MXN)$/.test(homeCurrency) ? homeCurrency : "USD";
    default:
      return symbol;
  }
}

/** The minor units of a printed figure: the last separator followed by two digits is the decimal point. */
export function minorOf(text: string, decimals: number): bigint | null {
  const digits = text.replace(/[^\d.,' ]/g, "");
  const m = /^(.*?)[.,](\d{2})$/.exec(digits);
  if (m) {
    const whole = m[1]!.replace(/[^\d]/g, "") || "0";
    const value = BigInt(whole) * 100n + BigInt(m[2]!);
    return decimals === 2 ? value : value / 100n;
  }
  const whole = digits.replace(/[^\d]/g, "");
  if (!whole) return null;
  return BigInt(whole) * 10n ** BigInt(decimals);
}

/** Every money figure on a line, left to right. Whole numbers count only next to a symbol or code. */
export function amountsOn(line: string, homeCurrency: string | null): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of line.matchAll(AMOUNT)) {
    const symbol = m[2] ?? m[6];
    const figure = m[4] ?? m[5]!;
    const currency = currencyOfSymbol(symbol, homeCurrency);
    const hasDecimals = /[.,]\d{2}$/.test(figure);
    if (!hasDecimals && !(currency && ZERO_DECIMALS.has(currency))) continue;
    const decimals = currency ? decimalsOf(currency) : 2;
    const minor = minorOf(figure, decimals);
    if (minor === null) continue;
    const negative = Boolean(m[1] ?? m[3]);
    out.push({ minor: negative ? -minor : minor, decimals, index: m.index, currency });
  }
  return out;
}

/** The currency codes and symbols a whole receipt shows, most frequent first. */
export function currenciesIn(lines: readonly string[], homeCurrency: string | null): Map<string, number> {
  const counts = new Map<string, number>();
  const codes = new RegExp(String.raw`\b(${ISO_CODES.join("|")})\b`, "g");
  for (const line of lines) {
    for (const m of line.matchAll(codes)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 2);
    for (const m of line.matchAll(/(US\$|CA\$|C\$|A\$|AU\$|NZ\$|\$|€|£|¥)/g)) {
      const c = currencyOfSymbol(m[1], homeCurrency);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return new Map([...counts.entries()].sort((a, b) => b[1] - a[1]));
}
