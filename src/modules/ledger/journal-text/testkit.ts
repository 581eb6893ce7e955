// Test helpers (not product code): runs the installed hledger as an oracle and compares its balance
// report with our trial balance at the precision hledger displays.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { SHARED_DATA, withSharedData } from "../../../../test/support/shared-data.ts";
import { decFromString, roundHalfEven } from "./decimal.ts";
import type { CommodityInfo, TrialBalanceRow } from "./types.ts";

export const JOURNALS_DIR = `${SHARED_DATA}/journals/`;

/** describe() and it() for tests that read the example journals: they skip, saying so, without them. */
export const withJournals = withSharedData("journals");

export function journalPath(name: string): string {
  return JOURNALS_DIR + name;
}

export const journalsAvailable = existsSync(JOURNALS_DIR);

let available: boolean | undefined;
/** hledger 1.25 specifically: the behaviour we match (naming of conversion accounts, balancing, styles). */
export function hledgerAvailable(): boolean {
  if (available === undefined) {
    const r = spawnSync("hledger", ["--version"], { encoding: "utf8" });
    available = r.status === 0 && /^hledger 1\.25\b/.test(r.stdout);
  }
  return available;
}

let ledgerFound: boolean | undefined;
export function ledgerAvailable(): boolean {
  ledgerFound ??= spawnSync("ledger", ["--version"], { encoding: "utf8" }).status === 0;
  return ledgerFound;
}

/** Runs ledger 3 on journal text; returns its exit status and stderr. */
export function runLedger(args: string[], input: string): { status: number | null; stderr: string } {
  const r = spawnSync("ledger", ["-f", "-", ...args], {
    encoding: "utf8",
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stderr: r.stderr };
}

/** Runs hledger; `file` "-" reads `input`. Returns stdout, or throws with stderr. */
export function runHledger(file: string, args: string[], input?: string): string {
  const r = spawnSync("hledger", ["-f", file, ...args], {
    encoding: "utf8",
    ...(input !== undefined ? { input } : {}),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`hledger ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

/** Whether hledger reads the file without error. */
export function hledgerAccepts(file: string): boolean {
  return spawnSync("hledger", ["-f", file, "bal"], { encoding: "utf8" }).status === 0;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    const cells: string[] = [];
    const re = /"((?:[^"]|"")*)"(?:,|$)/g;
    for (let m = re.exec(line); m && m[0] !== ""; m = re.exec(line)) cells.push(m[1]!.replace(/""/g, '"'));
    rows.push(cells);
  }
  return rows;
}

export interface HledgerRow {
  account: string;
  commodity: string;
  /** The number as hledger shows it (its decimal mark normalised to "."). */
  number: string;
}

/**
 * `hledger bal -E -O csv --layout=bare -N` rows. -E because hledger hides balances that look zero at
 * the precision it displays them with, which for conversion amounts is the written price's
 * precision (a cost of 0.030 EUR from "@ EUR15" is hidden); shown as "0", it compares fairly.
 */
export function hledgerBalance(file: string, args: string[] = [], input?: string): HledgerRow[] {
  const out = runHledger(file, ["bal", "-E", "-O", "csv", "--layout=bare", "-N", ...args], input);
  return parseCsv(out)
    .slice(1)
    .filter(([, commodity, number]) => !(commodity === "AUTO" && number === "")) // hledger's placeholder for "(acct)" with no amount
    .map(([account, commodity, number]) => {
      const n = number!;
      const marks = n.replace(/[^.,]/g, "");
      if (marks.length > 1) throw new Error(`cannot read hledger number "${n}"`);
      return { account: account!, commodity: commodity!, number: n.replace(",", ".") };
    });
}

/**
 * Differences between our rows and hledger's: each of our balances rounded (half-even) to the decimals
 * hledger shows must equal hledger's number; balances hledger hides must look zero at display precision.
 */
export function compareBalances(
  ours: readonly TrialBalanceRow[],
  theirs: readonly HledgerRow[],
  commodities: ReadonlyMap<string, CommodityInfo>,
): string[] {
  const problems: string[] = [];
  const key = (a: string, c: string) => `${a}\u0000${c}`;
  const mine = new Map(ours.map((r) => [key(r.account, r.commodity), r]));
  const seen = new Set<string>();
  for (const t of theirs) {
    const k = key(t.account, t.commodity);
    seen.add(k);
    const theirValue = decFromString(t.number);
    if (!theirValue) {
      problems.push(`${t.account} ${t.commodity}: unreadable hledger number ${t.number}`);
      continue;
    }
    const r = mine.get(k) ?? { quantity: 0n, scale: 0 };
    const rounded = roundHalfEven(r, theirValue.scale);
    if (rounded.quantity !== theirValue.quantity) {
      problems.push(`${t.account} ${t.commodity}: ours ${r.quantity}e-${r.scale}, hledger ${t.number}`);
    }
  }
  for (const r of ours) {
    const k = key(r.account, r.commodity);
    if (seen.has(k)) continue;
    const precision = commodities.get(r.commodity)?.style?.precision ?? null;
    const shown = precision === null ? r : roundHalfEven(r, precision);
    if (shown.quantity !== 0n)
      problems.push(`${r.account} ${r.commodity}: ours ${r.quantity}e-${r.scale}, hledger shows none`);
  }
  return problems;
}
