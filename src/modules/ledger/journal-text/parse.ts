// parseJournal: reads hledger/ledger journal text into exact entries. One pass over the lines
// (indexOf, no split), then styles (hledger balances at display precision, known only at the end),
// then balancing, then assignments/assertions in date order when the file has any.
import { runBalanceAssertions } from "./assertions.ts";
import { balanceEntry } from "./balancing.ts";
import { accountSubLine } from "./account-directive.ts";
import { commoditySubLine } from "./commodity-directive.ts";
import { parseDirective } from "./directives.ts";
import { includeArgument, readIncluded } from "./include.ts";
import { ParserState, type Block, type DraftEntry } from "./state.ts";
import { addCommentLine, parseHeader, parsePosting } from "./transactions.ts";
import type { CommodityInfo, ParsedEntry, ParsedJournal, ParseOptions } from "./types.ts";

const NONE: Block = { kind: "none" };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Parses a journal. Pure; throws an AppError naming the line for anything malformed or unbalanced. */
export function parseJournal(text: string, options: ParseOptions = {}): ParsedJournal {
  const state = new ParserState(options);
  readLines(state, text);
  const infos = commodityInfos(state);
  const precisionOf = (c: string): number | null => infos.get(c)?.style?.precision ?? null;

  for (const entry of state.entries) {
    if (state.assignmentEntries.has(entry)) continue; // completed in date order below
    try {
      balanceEntry(entry, precisionOf);
    } catch (e) {
      state.rethrow(e, entry.line, entry.file);
    }
  }
  if (state.hasAssertions) runBalanceAssertions(state, state.entries, precisionOf);

  const entries = state.entries as unknown as ParsedEntry[];
  for (const entry of entries) {
    for (const p of entry.postings) {
      noteScale(infos, p.amount.commodity, p.amount.scale);
      if (p.cost) noteScale(infos, p.cost.commodity, p.cost.scale);
    }
  }
  const conversion = state.accounts.find((a) => a.type === "V");
  return {
    entries,
    accounts: state.accounts,
    commodities: infos,
    prices: state.prices,
    warnings: state.warnings,
    conversionAccount: conversion?.name ?? "equity:conversion",
    ...(state.defaultCommodity !== undefined ? { defaultCommodity: state.defaultCommodity } : {}),
  };
}

function noteScale(infos: Map<string, CommodityInfo>, commodity: string, scale: number): void {
  let info = infos.get(commodity);
  if (info === undefined) {
    info = { symbol: commodity, declared: false, style: null, maxScale: scale };
    infos.set(commodity, info);
  } else if (scale > info.maxScale) {
    info.maxScale = scale;
  }
}

function commodityInfos(state: ParserState): Map<string, CommodityInfo> {
  const infos = new Map<string, CommodityInfo>();
  for (const symbol of state.styles.commodities()) {
    const line = state.commodityLines.get(symbol);
    infos.set(symbol, {
      symbol,
      declared: state.styles.isDeclared(symbol),
      style: state.styles.styleOf(symbol),
      maxScale: 0,
      ...(line !== undefined ? { line } : {}),
    });
  }
  for (const [symbol, line] of state.commodityLines) {
    if (!infos.has(symbol)) infos.set(symbol, { symbol, declared: true, style: null, maxScale: 0, line });
  }
  return infos;
}

function readLines(state: ParserState, text: string): void {
  const length = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
  let entry: DraftEntry | null = null;
  let block: Block = NONE;
  /** Inside a skipped periodic/automated transaction. */
  let skippingRule = false;

  while (pos < length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = length;
    let end = nl;
    while (end > pos) {
      const c = text.charCodeAt(end - 1);
      if (c !== 13 && c !== 32 && c !== 9) break;
      end--;
    }
    lineNo++;
    const line = text.slice(pos, end);
    pos = nl + 1;
    try {
      if (block.kind === "comment") {
        if (line.trim() === block.endWord) block = NONE;
        continue;
      }
      if (line.length === 0) {
        entry = null;
        skippingRule = false;
        continue;
      }
      const c = line.charCodeAt(0);
      if (c === 32 || c === 9) {
        let i = 1;
        while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
        const first = line.charCodeAt(i);
        if (skippingRule) continue;
        if (entry !== null) {
          // Only ";" starts a comment inside a transaction: hledger reads "  # x" as an account.
          if (first === 59 /* ; */) addCommentLine(entry, line.slice(i + 1).trim());
          else {
            const posting = parsePosting(line, i, line.length, lineNo, state);
            if (posting.amount === null && posting.assertion) state.assignmentEntries.add(entry);
            entry.postings.push(posting);
          }
        } else if (block.kind === "account") {
          accountSubLine(state, block.account, line.slice(i), lineNo);
        } else if (block.kind === "commodity") {
          commoditySubLine(state, block.symbol, line.slice(i), lineNo);
        } else if (block.kind === "ignore" || first === 59 || first === 35) {
          // payee/tag sub-lines, or an indented comment between transactions
        } else {
          throw state.error(
            "orphan-posting",
            lineNo,
            `indented line "${line.trim().slice(0, 40)}" is not inside a transaction (is the date line missing?)`,
          );
        }
        continue;
      }
      entry = null;
      skippingRule = false;
      block = NONE;
      if (isDigit(c)) {
        entry = parseHeader(line, line.length, lineNo, state);
        state.entries.push(entry);
      } else if (c === 59 || c === 35 || c === 42 || c === 37 || c === 124) {
        // ; # * % | comment lines (ledger's set; hledger 1.25 itself refuses % and |)
      } else if (c === 126 /* ~ */ || c === 61 /* = */) {
        const what = c === 126 ? "periodic transaction (~)" : "automated transaction (=)";
        if (state.rules === "refuse") {
          throw state.error(
            c === 126 ? "periodic-transaction" : "automated-transaction",
            lineNo,
            `${what} "${line.slice(0, 40)}" is a rule, not a recorded transaction, and cannot be imported; ` +
              `remove it (or import with rules skipped)`,
          );
        }
        state.warn(
          lineNo,
          c === 126 ? "periodic-skipped" : "automated-skipped",
          `${what} skipped: rules are not imported`,
        );
        skippingRule = true;
      } else {
        const included = c === 105 /* i */ || c === 33 /* ! */ ? includeArgument(line) : null;
        if (included === null) block = parseDirective(state, line, lineNo);
        else readIncluded(state, included, (child) => readLines(state, child));
      }
    } catch (e) {
      state.rethrow(e, lineNo);
    }
  }
  if (state.includeDepth === 0 && state.popPrefix()) {
    state.warn(lineNo, "apply-account-open", `"apply account" was not closed with "end apply account"`);
  }
}
