// Test helpers only: where the shared statement samples live, and a reader for the `.expected.beancount`
// oracles (another importer's output for the same statement) to cross-check parsed amounts against.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";

/** The repository root (two folders up from this file). */
export const REPO_ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");

/** The shared statement samples, used by path and never copied into the repository. */
export const STATEMENTS = resolve(REPO_ROOT, "../shared/data/statements");

export function samplePath(folder: string, name: string): string {
  return join(STATEMENTS, folder, name);
}

export function sample(folder: string, name: string): Uint8Array {
  return readFileSync(samplePath(folder, name));
}

/** The statement files of a sample folder (without the SOURCES files and oracles). */
export function sampleFiles(folder: string): string[] {
  return readdirSync(join(STATEMENTS, folder))
    .filter((f) => !f.startsWith("SOURCES") && !f.endsWith(".expected.beancount"))
    .sort();
}

export interface OracleTransaction {
  date: string;
  narration: string;
  postings: Array<{ account: string; amount: string; currency: string }>;
}

export interface Oracle {
  transactions: OracleTransaction[];
  balances: Array<{ date: string; account: string; amount: string; currency: string }>;
}

/** Reads the subset of beancount the oracles use: transactions with postings, and balance assertions. */
export function readOracle(folder: string, name: string): Oracle {
  const text = readFileSync(samplePath(folder, name), "utf8");
  const oracle: Oracle = { transactions: [], balances: [] };
  let current: OracleTransaction | null = null;
  for (const line of text.split("\n")) {
    const txn = /^(\d{4}-\d{2}-\d{2}) [*!] "([^"]*)"(?: "([^"]*)")?/.exec(line);
    const balance = /^(\d{4}-\d{2}-\d{2}) balance (\S+)\s+(-?[\d.]+) (\S+)/.exec(line);
    const posting = /^\s+(\S+)\s+(-?[\d.]+) (\S+)/.exec(line);
    if (txn) {
      current = { date: txn[1] as string, narration: txn[2] as string, postings: [] };
      oracle.transactions.push(current);
    } else if (balance) {
      oracle.balances.push({
        date: balance[1] as string,
        account: balance[2] as string,
        amount: balance[3] as string,
        currency: balance[4] as string,
      });
      current = null;
    } else if (posting && current) {
      current.postings.push({
        account: posting[1] as string,
        amount: posting[2] as string,
        currency: posting[3] as string,
      });
    } else if (line.trim() === "") {
      current = null;
    }
  }
  return oracle;
}
