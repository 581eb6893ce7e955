// Synthetic journals in the shape of hledger's tools/generatejournal.hs (the 1ktxns-100accts example):
// one transaction a day cycling @ unit price / @@ total price / plain, hex account names ten levels
// deep, commodities A-Z, then one P directive a day. Deterministic; used by the import benchmark.
import { formatMinor } from "../../../platform/money.ts";

const DEPTH = 10;
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DAY_MS = 86_400_000;
const START = Date.UTC(2000, 0, 1);

function accountNames(count: number): string[] {
  const names: string[] = [];
  for (let chunk = 0; names.length < count; chunk++) {
    let name = "";
    for (let k = 1; k <= DEPTH && names.length < count; k++) {
      const part = (chunk * DEPTH + k).toString(16);
      name = name ? `${name}:${part}` : part;
      names.push(name);
    }
  }
  return names;
}

/** A decimal in hundredths, shown without trailing zeros as Data.Decimal's normalised show does. */
function showHundredths(h: number): string {
  const negative = h < 0;
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  const frac = cents === 0 ? "" : cents % 10 === 0 ? `.${cents / 10}` : `.${String(cents).padStart(2, "0")}`;
  return `${negative ? "-" : ""}${whole}${frac}`;
}

function isoDay(offset: number): string {
  return new Date(START + offset * DAY_MS).toISOString().slice(0, 10);
}

/** Market price rates: 0.70 up to 1.30 and back down, in hundredths. */
function priceRates(): number[] {
  const up: number[] = [];
  for (let r = 70; r <= 130; r++) up.push(r);
  const down = up.slice(1, -1).reverse();
  return [...up, ...down];
}

/** A journal of `txns` transactions over `accounts` account names, like hledger's generated examples. */
export function generateBenchmarkJournal(txns: number, accounts: number): string {
  if (!Number.isInteger(txns) || txns < 0 || !Number.isInteger(accounts) || accounts < 1) {
    throw new RangeError("generateBenchmarkJournal needs txns ≥ 0 and accounts ≥ 1 (integers)");
  }
  const names = accountNames(accounts).map((n) => n.padEnd(40));
  const parts: string[] = [];
  for (let n = 1; n <= txns; n++) {
    const a1 = names[(2 * (n - 1)) % accounts]!;
    const a2 = names[(2 * (n - 1) + 1) % accounts]!;
    const comm = LETTERS[(n - 1) % 26]!;
    const priceComm = LETTERS[n % 26]!;
    const rate = 70 + (n % 60);
    let second: string;
    let price = "";
    if (n % 3 === 0) {
      second = `${-n} ${comm}`;
    } else if (n % 3 === 1) {
      second = `${showHundredths(-n * rate)} ${priceComm}`;
      price = ` @ ${showHundredths(rate)} ${priceComm}`;
    } else {
      second = `${-n} ${priceComm}`;
      price = ` @@ ${n} ${priceComm}`;
    }
    parts.push(
      `${isoDay(n - 1)} transaction ${n}\n  ${a1}  ${String(n).padStart(2)} ${comm}${price}\n  ${a2}  ${second}\n\n`,
    );
  }
  const rates = priceRates();
  for (let k = 0; k < txns; k++) {
    parts.push(`P ${isoDay(k)} A  ${formatMinor(BigInt(rates[k % rates.length]!), 2)} B\n`);
  }
  return parts.join("");
}
