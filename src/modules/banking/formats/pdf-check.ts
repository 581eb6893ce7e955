// The check figures of a PDF statement. Reading a printed table can go wrong in ways a structured file
// cannot (a figure in the wrong column, a line run into another), so a PDF is taken only when its own
// figures prove the reading: every running balance equals the one before plus the line's amount, every
// balance carried between pages equals the running balance there, and the opening balance plus the
// lines gives the closing balance. Otherwise it is refused, naming the page and row, expected and found.
import { negateAmount, sameAmount, sumAmounts } from "./amount.ts";
import { StatementParseError } from "./errors.ts";
import type { BalanceMark, TableEvent, TableLine, Where } from "./pdf-table.ts";

export interface Checked {
  openingBalance: string;
  closingBalance: string;
  /** True when the opening balance is not printed but worked out from the first running balance. */
  openingDerived: boolean;
}

export function checkFigures(
  events: readonly TableEvent[],
  openings: readonly BalanceMark[],
  closings: readonly BalanceMark[],
): Checked {
  const opening = agreed(openings, "opening");
  const closing = agreed(closings, "closing");
  const figures =
    (opening ? 1 : 0) +
    (closing ? 1 : 0) +
    events.filter((e) => e.kind === "checkpoint" || e.line.balance !== null).length;
  if (figures < 2) {
    throw new StatementParseError(
      "pdf/unchecked",
      "The PDF prints no running balance and no opening and closing balance, so its lines cannot be checked; " +
        "a PDF is imported only when its own figures add up. Download the statement as OFX or CSV instead.",
    );
  }
  let running: string;
  let openingDerived = false;
  if (opening) running = opening.value;
  else {
    running = derivedOpening(events) ?? sumAmounts([(closing as BalanceMark).value, ...events.map(negated)]);
    openingDerived = true;
  }
  const openingBalance = running;
  for (const event of events) {
    if (event.kind === "line") {
      const before = running;
      running = sumAmounts([running, event.line.amount]);
      if (event.line.balance !== null && !sameAmount(running, event.line.balance))
        throw mismatch(
          event.line.at,
          lineName(event.line),
          before,
          event.line.amount,
          running,
          event.line.balance,
        );
    } else if (!sameAmount(running, event.mark.value)) {
      throw new StatementParseError(
        "pdf/balance-mismatch",
        `The figures do not add up at ${where(event.mark.at)} ("${event.mark.label}"): the running balance there ` +
          `should be ${running}, but the statement shows ${event.mark.value}.`,
      );
    }
  }
  if (closing && !sameAmount(running, closing.value)) {
    const lines = events.filter((e) => e.kind === "line").length;
    throw new StatementParseError(
      "pdf/totals-mismatch",
      `The statement does not add up: the opening balance ${openingBalance} plus its ${lines} line${lines === 1 ? "" : "s"} ` +
        `gives ${running}, but the closing balance at ${where(closing.at)} is ${closing.value} ` +
        `(a difference of ${sumAmounts([closing.value, negateAmount(running)])}).`,
    );
  }
  return { openingBalance, closingBalance: closing ? closing.value : running, openingDerived };
}

/** Several printed opening (or closing) balances must agree; the first one is the statement's. */
function agreed(marks: readonly BalanceMark[], what: string): BalanceMark | null {
  const first = marks[0];
  if (!first) return null;
  const other = marks.find((m) => !sameAmount(m.value, first.value));
  if (other) {
    throw new StatementParseError(
      `pdf/${what}-balance-mismatch`,
      `The statement prints two different ${what} balances: ${first.value} at ${where(first.at)} and ` +
        `${other.value} at ${where(other.at)}.`,
    );
  }
  return first;
}

/** The balance before the first line, from the first running balance printed and the lines up to it. */
function derivedOpening(events: readonly TableEvent[]): string | null {
  const amounts: string[] = [];
  for (const event of events) {
    if (event.kind === "checkpoint") return sumAmounts([event.mark.value, ...amounts.map(negateAmount)]);
    amounts.push(event.line.amount);
    if (event.line.balance !== null) return sumAmounts([event.line.balance, ...amounts.map(negateAmount)]);
  }
  return null;
}

function negated(event: TableEvent): string {
  return event.kind === "line" ? negateAmount(event.line.amount) : "0";
}

function mismatch(
  at: Where,
  name: string,
  before: string,
  amount: string,
  expected: string,
  found: string,
): StatementParseError {
  return new StatementParseError(
    "pdf/balance-mismatch",
    `The figures do not add up at ${where(at)} (${name}): the running balance should be ${expected} ` +
      `(the balance before it, ${before}, plus the amount ${amount}), but the statement shows ${found}.`,
  );
}

function lineName(line: TableLine): string {
  const description = line.description.length > 60 ? `${line.description.slice(0, 57)}…` : line.description;
  return `${line.date.raw} "${description}"`;
}

export function where(at: Where): string {
  return `page ${at.page}, row ${at.row}`;
}
