// The statements checked against hledger 1.25 on real journals: each journal is imported into a
// new client (home currency: its most used commodity), then for every month net income must equal
// `hledger is -M -B`'s Net and total assets and liabilities at each month end `hledger bs -M -B`'s,
// in the home currency, at the precision hledger shows; the change in cash must equal
// `hledger cf -M -B`'s. A journal with `type:` tags and odd account names checks that declared
// types are honoured as hledger honours them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, type TestDb } from "../../../test/support/db.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import * as access from "../access/index.ts";
import * as ledger from "../ledger/index.ts";
import * as reports from "./index.ts";

const JOURNALS = fileURLToPath(new URL("../../../../shared/data/journals/", import.meta.url));

function hledger125(): boolean {
  const r = spawnSync("hledger", ["--version"], { encoding: "utf8" });
  return r.status === 0 && /^hledger 1\.25\b/.test(r.stdout);
}

function runHledger(file: string, args: string[]): string {
  const r = spawnSync("hledger", ["-f", file, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`hledger ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

function csvRows(text: string): string[][] {
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

interface HledgerReport {
  /** Column headings after "Account","Commodity". */
  columns: string[];
  /** section title → commodity → the section's total per column ("" for none). */
  totals: Map<string, Map<string, string[]>>;
  /** commodity → the Net row per column. */
  net: Map<string, string[]>;
}

/** A multi-period `-O csv --layout=bare` report of hledger's is/bs/cf. */
function hledgerReport(file: string, command: string): HledgerReport {
  const rows = csvRows(runHledger(file, [command, "-M", "-B", "-O", "csv", "--layout=bare"]));
  const header = rows.find((r) => r[0] === "Account")!;
  const report: HledgerReport = { columns: header.slice(2), totals: new Map(), net: new Map() };
  let section = "";
  for (const r of rows) {
    if (r[0] === "Account") continue;
    if (r[1] === "" && r.slice(2).every((x) => x === "")) section = r[0]!;
    else if (r[0] === "total") {
      const m = report.totals.get(section) ?? new Map<string, string[]>();
      m.set(r[1]!, r.slice(2));
      report.totals.set(section, m);
    } else if (r[0] === "Net:") report.net.set(r[1]!, r.slice(2));
  }
  return report;
}

/** Our decimal string and hledger's shown number agree at the decimals hledger shows. */
function sameShown(ours: string, theirs: string | undefined, decimals: number): boolean {
  const shown = theirs === undefined || theirs === "" ? "0" : theirs.replace(/,(?=.*\.)/g, "");
  const places = shown.includes(".") ? shown.length - shown.indexOf(".") - 1 : decimals;
  return roundTo(ours, places) === roundTo(shown, places);
}

/** A decimal string rounded half-even to `places` decimals, as a scaled bigint. */
function roundTo(text: string, places: number): bigint {
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = text.replace(/^[+-]/, "").split(".");
  const digits = BigInt(`${whole}${fraction.padEnd(places, "0").slice(0, places)}` || "0");
  const rest = fraction.slice(places);
  let v = digits;
  if (rest !== "" && /[1-9]/.test(rest)) {
    const half = rest[0]! > "5" || (rest[0] === "5" && /[1-9]/.test(rest.slice(1)));
    const tie = rest[0] === "5" && !/[1-9]/.test(rest.slice(1));
    if (half || (tie && digits % 2n === 1n)) v += 1n;
  }
  return negative ? -v : v;
}

/** Most decimals hledger shows for the commodity anywhere in a report (for its "0" cells). */
function decimalsOf(report: HledgerReport, commodity: string): number {
  let most = 0;
  const cells = [
    ...[...report.totals.values()].flatMap((m) => m.get(commodity) ?? []),
    ...(report.net.get(commodity) ?? []),
  ];
  for (const c of cells) if (c.includes(".")) most = Math.max(most, c.length - c.indexOf(".") - 1);
  return most;
}

const JOURNAL_FILES = [
  "hledger__sample.journal",
  "hledger__multicurrency.journal",
  "hledger__vat.journal",
  "hledger__bcexample.journal",
  "ledger__demo.ledger",
  "ledger__drewr.dat",
  "ledger__transfer.dat",
];

const TYPED_JOURNAL = `
account stuff:chequing      ; type: C
account stuff               ; type: A
account owed                ; type: L
account takings             ; type: R
account spending            ; type: X
account capital             ; type: E

2026-01-03 opening
    stuff:chequing     $1,000.00
    capital

2026-01-10 sale
    stuff:chequing       $250.00
    takings:shop

2026-02-02 rent on the card
    spending:rent        $400.00
    owed:card

2026-02-20 kit, paid from the bank
    stuff:kit            $120.00
    stuff:chequing

2026-03-01 paid the card
    owed:card            $400.00
    stuff:chequing
`;

describe.runIf(hledger125() && existsSync(JOURNALS))("statements equal hledger's", () => {
  let t: TestDb;
  let actor: Actor;
  let tmp: string;
  beforeAll(async () => {
    t = await testDb();
    actor = systemActor((await access.createFirm(t.ctx.db, { slug: "oracle", name: "Oracle" })).id);
    tmp = mkdtempSync(path.join(os.tmpdir(), "closebook-reports-oracle-"));
    writeFileSync(path.join(tmp, "typed.journal"), TYPED_JOURNAL);
  });
  afterAll(async () => {
    await t?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const files = () => [...JOURNAL_FILES.map((f) => path.join(JOURNALS, f)), path.join(tmp, "typed.journal")];

  it("net income per month, assets and liabilities at each month end, change in cash per month", async () => {
    const problems: string[] = [];
    let compared = 0;
    for (const [i, file] of files().entries()) {
      const name = path.basename(file);
      const slug = `j${i}`;
      const imported = await ledger.importJournalFile(t.ctx, actor, slug, file, { createClient: true });
      const home = imported.homeCurrency;
      const bs = hledgerReport(file, "bs");
      const is = hledgerReport(file, "is");
      const cf = hledgerReport(file, "cf");
      const monthEnds = bs.columns;
      const first = `${monthEnds[0]!.slice(0, 7)}-01`;
      const last = monthEnds[monthEnds.length - 1]!;

      const pl = reports.profitLossJson(
        await reports.profitAndLoss(t.ctx, actor, slug, { from: first, to: last, by: "month" }),
      );
      const sheet = reports.balanceSheetJson(
        await reports.balanceSheetReport(t.ctx, actor, slug, { asOf: last, by: "month", from: first }),
      );
      const flows = reports.cashFlowJson(
        await reports.cashFlowReport(t.ctx, actor, slug, { from: first, to: last, by: "month" }),
      );
      const isNet = is.net.get(home);
      const assets = bs.totals.get("Assets")?.get(home);
      const liabilities = bs.totals.get("Liabilities")?.get(home);
      const cash = cf.totals.get("Cash flows")?.get(home);
      monthEnds.forEach((end, m) => {
        const check = (what: string, ours: string, theirs: string | undefined, report: HledgerReport) => {
          compared++;
          if (!sameShown(ours, theirs, decimalsOf(report, home)))
            problems.push(`${name} ${end} ${what}: ours ${ours}, hledger ${theirs ?? "none"}`);
        };
        check("net income", pl.netIncome[m]!, isNet?.[m], is);
        check("total assets", sheet.totals.assets[m]!, assets?.[m], bs);
        check("total liabilities", sheet.totals.liabilities[m]!, liabilities?.[m], bs);
        check("change in cash", flows.netChange[m]!, cash?.[m], cf);
        const balanced =
          roundTo(sheet.totals.assets[m]!, 12) ===
          roundTo(sheet.totals.liabilities[m]!, 12) + roundTo(sheet.totals.equity[m]!, 12);
        if (!balanced) problems.push(`${name} ${end}: assets ≠ liabilities + equity`);
      });
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  }, 300_000);
});
