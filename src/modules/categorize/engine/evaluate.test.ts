// The yardstick on real data: a slice of the public Birmingham purchase-card file (cost centres as
// clients, ledger accounts as labels). Floors sit just below what was measured, so a regression fails.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { beforeAll, expect, it } from "vitest";
import { SHARED_DATA, withSharedData } from "../../../../test/support/shared-data.ts";
import { evaluateCategorizer, type EvalReport } from "./evaluate.ts";
import type { PostedLine } from "./types.ts";

const DATA_FILE = "categorization/birmingham_cc_purchase_cards_2013-2015.csv.gz";
const DATA = `${SHARED_DATA}/${DATA_FILE}`;
const FROM = "2014-09-01";
const TO = "2015-02-01";
const SPLIT = "2015-01-01";

function slice(): PostedLine[] {
  const records = parse(gunzipSync(readFileSync(DATA)), { columns: true }) as Record<string, string>[];
  return records
    .filter((r) => r.trans_date! >= FROM && r.trans_date! < TO && r.gl_description)
    .map((r, i) => ({
      id: String(i),
      clientId: r.cost_centre_code!,
      date: r.trans_date!,
      description: r.merchant_name!,
      amount: BigInt(Math.round(Number(r.original_gross_amount) * 100)),
      coding: { account: r.gl_description! },
    }));
}

/** Majority vote over (client, merchant) history, backing off to the merchant, then the client. */
function majorityBaseline(lines: PostedLine[]): number {
  const votes = new Map<string, Map<string, number>>();
  const add = (key: string, label: string) => {
    const m = votes.get(key) ?? new Map<string, number>();
    m.set(label, (m.get(label) ?? 0) + 1);
    votes.set(key, m);
  };
  const top = (key: string) => [...(votes.get(key) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
  const history = lines.filter((l) => l.date < SPLIT);
  const test = lines.filter((l) => l.date >= SPLIT);
  for (const l of history) {
    add(`${l.clientId}|${l.description}`, l.coding.account);
    add(`|${l.description}`, l.coding.account);
    add(`${l.clientId}|`, l.coding.account);
  }
  const right = test.filter(
    (l) =>
      (top(`${l.clientId}|${l.description}`) ?? top(`|${l.description}`) ?? top(`${l.clientId}|`)) ===
      l.coding.account,
  );
  return right.length / test.length;
}

withSharedData(DATA_FILE).describe(
  "evaluation on Birmingham purchase cards (Sep 2014 – Jan 2015, split 1 Jan)",
  () => {
    let lines: PostedLine[];
    let report: EvalReport;
    beforeAll(() => {
      lines = slice();
      report = evaluateCategorizer(lines, { splitDate: SPLIT });
    }, 120_000);

    it("splits history and test by date", () => {
      expect(report.n_train).toBe(lines.filter((l) => l.date < SPLIT).length);
      expect(report.n_test).toBe(lines.length - report.n_train);
      expect(report.n_test).toBeGreaterThan(4000);
    });

    it("beats a majority vote over (client, merchant) history", () => {
      // Measured: frozen 0.669 vs the baseline's 0.638.
      const baseline = majorityBaseline(lines);
      expect(report.frozen.accuracy).toBeGreaterThanOrEqual(0.65);
      expect(report.frozen.accuracy).toBeGreaterThan(baseline + 0.02);
    });

    it("learns from each day's corrections", () => {
      // Measured: online 0.714.
      expect(report.online.accuracy).toBeGreaterThanOrEqual(0.69);
      expect(report.online.accuracy).toBeGreaterThan(report.frozen.accuracy + 0.02);
    });

    it("keeps its promise in the high-confidence band", () => {
      // Measured: 13% of lines at ≥ 0.98 with 99.3% right (frozen), 14% at 98.8% (online).
      for (const mode of [report.frozen, report.online]) {
        expect(mode.precision_high).toBeGreaterThanOrEqual(0.98);
        expect(mode.coverage_high).toBeGreaterThanOrEqual(0.09);
        expect(mode.precision_medium).toBeGreaterThanOrEqual(0.93);
      }
    });

    it("is calibrated", () => {
      // Measured: ECE 0.023 frozen, 0.027 online.
      expect(report.frozen.ece).toBeLessThanOrEqual(0.045);
      expect(report.online.ece).toBeLessThanOrEqual(0.045);
    });

    it("credits memory and the models", () => {
      const methods = report.frozen.by_method;
      expect(methods.memory?.n).toBeGreaterThan(1000);
      expect(methods.memory!.accuracy).toBeGreaterThan(report.frozen.accuracy);
      expect((methods.global_model?.n ?? 0) + (methods.client_model?.n ?? 0)).toBeGreaterThan(500);
    });
  },
);
