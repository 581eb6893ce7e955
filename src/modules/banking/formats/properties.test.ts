// Property-based robustness: valid samples of every format, mutated (cut short, bytes flipped, pieces
// duplicated or deleted, huge numbers, deep nesting, stray format tokens), must either parse or fail with
// a StatementParseError — never another exception — and never take more than 2 s of CPU (a hang guard).
import { expect, it } from "vitest";
import fc from "fast-check";
import { parseStatementFile, StatementParseError, type FormatName, type ParsedFile } from "./index.ts";
import { sample, withSamples } from "../../../../test/support/statement-samples.ts";

/** The text formats; PDFs are read asynchronously and have their own mutation test (pdf-read.test.ts). */
type TextFormat = Exclude<FormatName, "pdf">;

const SEEDS: Record<TextFormat, Array<[string, string]>> = {
  ofx: [
    ["ofx1", "beancount-import__checking-emptyledgerbal.ofx"],
    ["ofx1", "ofxparse__bank_medium.ofx"],
    ["ofx2", "libofx__ofx-2.1.1-sect-16.5.3.2.ofx"],
    ["ofx2", "ofxparse__anzcc.ofx"],
  ],
  qfx: [
    ["qfx", "reds__etrade__etrade_09092023.QFX"],
    ["ofx1", "libofx__ofx-2.1.1-sect-16.5.4.2.ofx"],
  ],
  qif: [
    ["qif", "gnucash__cbb-export.qif"],
    ["qif", "gnucash__web.qif"],
    ["qif", "gnucash__Money95invst_fr.qif"],
  ],
  csv: [
    ["csv", "reds__schwab__schwab_XXX234_Checking_Transactions_20220203.csv"],
    ["csv", "beancount-import__examples_mint_mint.csv"],
    ["csv", "reds__fidelity__History_for_Account_X8YYYYYYY.csv"],
    ["csv", "oca__paypal_statement_en.csv"],
  ],
  camt053: [
    ["camt053", "genkgo-camt__camt053.v2.minimal.xml"],
    ["camt053", "oca__sftp-camt053.xml"],
    ["camt053", "subite__Other_account_statement.xml"],
  ],
  camt052: [
    ["camt052", "genkgo-camt__camt052.v4.xml"],
    ["camt052", "genkgo-camt__camt052.v8.xml"],
  ],
  camt054: [
    ["camt054", "genkgo-camt__camt054.v8.xml"],
    ["camt054", "subite__LT809872649478701594_CAMT_054_2024-03-20.xml"],
  ],
  mt940: [
    ["mt940", "mt940__betterplace_sepa_snippet.sta"],
    ["mt940", "mt940__jejik_abnamro.sta"],
    ["mt940", "oca__test-ing.940"],
    ["mt940", "mt940__self-provided_raphaelm.sta"],
  ],
  bai2: [
    ["bai2", "moj-bai2__citi_example.bai2"],
    ["bai2", "moov-bai2__sample4-continuations-newline-delimited.txt"],
  ],
};

const TOKENS: Record<TextFormat, string[]> = {
  ofx: [
    "<STMTTRN>",
    "</STMTTRN>",
    "<TRNAMT>",
    "</BANKTRANLIST>",
    "<!--",
    "<",
    ">",
    "&amp;",
    "<OFX>",
    "</OFX>",
  ],
  qfx: ["<INVSTMTRS>", "</INVTRANLIST>", "<STMTRS>", "<DTPOSTED>", "<"],
  qif: ["^", "!Type:Bank", "!Account", "D", "T", "S", "$", "\n", "!Option:AutoSwitch"],
  csv: ['"', ",", ";", "\n", "\r", '""', "\t", "-", "("],
  camt053: ["<Ntry>", "</Ntry>", "<TxDtls>", "<![CDATA[", "]]>", "&#x0;", "&", "<", "<!DOCTYPE x>"],
  camt052: ["<Rpt>", "</Rpt>", "<Bal>", '<Amt Ccy="EUR">', "<"],
  camt054: ["<TxDtls>", "</TxDtls>", "<Amt>", "</NtryDtls>", "<"],
  mt940: [":61:", ":86:", ":20:", ":60F:", "-", "\n", "?20", "/EREF/", "{1:", "-}", ":NS:"],
  bai2: ["88,", "16,", "03,", "49,", "/", ",", "\n", "02,", "98,"],
};

type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "flip"; changes: Array<[number, number]> }
  | { kind: "duplicate"; from: number; length: number; to: number; times: number }
  | { kind: "delete"; from: number; length: number }
  | { kind: "huge-number"; at: number; digits: number; decimals: number; negative: boolean }
  | { kind: "nest"; at: number; depth: number; tag: string; close: boolean }
  | { kind: "token"; at: number; token: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("flip" as const),
    changes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
  }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 600 }),
    to: fc.nat(),
    times: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({
    kind: fc.constant("delete" as const),
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 300 }),
  }),
  fc.record({
    kind: fc.constant("huge-number" as const),
    at: fc.nat(),
    digits: fc.integer({ min: 16, max: 5000 }),
    decimals: fc.integer({ min: 0, max: 40 }),
    negative: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("nest" as const),
    at: fc.nat(),
    depth: fc.integer({ min: 10, max: 20_000 }),
    tag: fc.constantFrom("A", "STMTTRN", "Ntry", "OFX", "TxDtls"),
    close: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("token" as const),
    at: fc.nat(),
    token: fc.nat(),
    times: fc.integer({ min: 1, max: 300 }),
  }),
);

const encoder = new TextEncoder();

function mutate(bytes: Uint8Array, m: Mutation, tokens: readonly string[]): Uint8Array {
  const n = bytes.length;
  const pos = (x: number) => (n === 0 ? 0 : x % (n + 1));
  const insert = (at: number, extra: Uint8Array) => {
    const out = new Uint8Array(n + extra.length);
    out.set(bytes.subarray(0, at), 0);
    out.set(extra, at);
    out.set(bytes.subarray(at), at + extra.length);
    return out;
  };
  switch (m.kind) {
    case "truncate":
      return bytes.subarray(0, pos(m.at));
    case "flip": {
      const out = bytes.slice();
      for (const [at, value] of m.changes) if (n > 0) out[at % n] = value;
      return out;
    }
    case "duplicate": {
      const from = pos(m.from);
      const piece = bytes.subarray(from, Math.min(n, from + m.length));
      const repeated = new Uint8Array(piece.length * m.times);
      for (let i = 0; i < m.times; i++) repeated.set(piece, i * piece.length);
      return insert(pos(m.to), repeated);
    }
    case "delete": {
      const from = pos(m.from);
      const out = new Uint8Array(n - Math.min(m.length, n - from));
      out.set(bytes.subarray(0, from), 0);
      out.set(bytes.subarray(from + m.length), from);
      return out;
    }
    case "huge-number": {
      // Replace the next run of digits (most likely an amount or a date) with an enormous number.
      const text = new TextDecoder("latin1").decode(bytes);
      const start = pos(m.at);
      const found = /\d+/g;
      found.lastIndex = start;
      const hit = found.exec(text);
      const huge = `${m.negative ? "-" : ""}${"9".repeat(m.digits)}${m.decimals > 0 ? `.${"1".repeat(m.decimals)}` : ""}`;
      if (!hit) return insert(start, encoder.encode(huge));
      return encoder.encode(text.slice(0, hit.index) + huge + text.slice(hit.index + hit[0].length));
    }
    case "nest": {
      const open = `<${m.tag}>`.repeat(m.depth);
      return insert(pos(m.at), encoder.encode(m.close ? open + `</${m.tag}>`.repeat(m.depth) : open));
    }
    case "token":
      return insert(pos(m.at), encoder.encode((tokens[m.token % tokens.length] as string).repeat(m.times)));
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^-?\d+(\.\d+)?$/;

function checkShape(file: ParsedFile): void {
  for (const s of file.statements) {
    for (const balance of [s.openingBalance, s.closingBalance])
      if (balance !== null) expect(balance).toMatch(AMOUNT);
    for (const t of s.transactions) {
      expect(t.date).toMatch(DATE);
      expect(t.amount).toMatch(AMOUNT);
      expect(typeof t.description).toBe("string");
    }
  }
}

withSamples.describe("mutated files parse or fail with a StatementParseError, within 2 s each", () => {
  for (const [format, seeds] of Object.entries(SEEDS) as Array<[TextFormat, Array<[string, string]>]>) {
    it(`${format}: 200 mutated files`, () => {
      const bytes = seeds.map(([folder, name]) => ({ name, bytes: sample(folder, name) }));
      fc.assert(
        fc.property(fc.nat({ max: seeds.length - 1 }), mutation, fc.boolean(), (seed, m, forced) => {
          const input = bytes[seed] as { name: string; bytes: Uint8Array };
          const mutated = mutate(input.bytes, m, TOKENS[format]);
          const options = forced ? { format, fileName: input.name } : { fileName: input.name };
          // CPU time, not wall time: on a busy shared machine the clock also counts other processes'
          // work, while a hang (an endless loop, runaway backtracking) shows up as CPU time all the same.
          // A slow first run is timed again: a hang repeats, a garbage collection that landed in the
          // middle of it does not.
          const cpuMsOf = (parse: () => unknown) => {
            const started = process.cpuUsage();
            try {
              parse();
            } catch {
              // Judged below; here only the time counts.
            }
            const used = process.cpuUsage(started);
            return (used.user + used.system) / 1000;
          };
          const started = process.cpuUsage();
          try {
            const file = parseStatementFile(mutated, options);
            checkShape(file);
          } catch (error) {
            if (!(error instanceof StatementParseError)) throw error;
            expect(typeof error.type).toBe("string");
            expect(error.line === null || (Number.isInteger(error.line) && error.line > 0)).toBe(true);
          }
          const used = process.cpuUsage(started);
          let elapsed = (used.user + used.system) / 1000;
          if (elapsed >= 2000) elapsed = cpuMsOf(() => parseStatementFile(mutated, options));
          expect(elapsed, `${m.kind} on ${input.name} took ${Math.round(elapsed)} ms`).toBeLessThan(2000);
        }),
        { numRuns: 200 },
      );
    });
  }
});
