// Test helpers only: where the shared statement samples live, and a reader for the `.expected.beancount`
// oracles (another importer's output for the same statement) to cross-check parsed amounts against.
// Without ../shared/data (a clone of the repository alone) the tests that use them skip: see
// withSharedData in test/support/shared-data.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED_DATA, withSharedData } from "./shared-data.ts";

/** The shared statement samples, used by path and never copied into the repository. */
export const STATEMENTS = join(SHARED_DATA, "statements");

/** describe() and it() for tests that read the statement samples: they skip, saying so, without them. */
export const withSamples = withSharedData("statements");

export function samplePath(folder: string, name: string): string {
  return join(STATEMENTS, folder, name);
}

export function sample(folder: string, name: string): Uint8Array {
  return readFileSync(samplePath(folder, name));
}

/** The statement files of a sample folder (without the SOURCES files and oracles); none without the samples. */
export function sampleFiles(folder: string): string[] {
  if (!existsSync(join(STATEMENTS, folder))) return [];
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
