// Checks a statement before it is matched: a statement whose lines do not add up from the opening
// to the closing balance, or with lines outside its period, was read wrongly or is incomplete, and
// reconciling against it would hide that. Returns every problem found (empty when sound); the
// service decides to refuse.
import { isCalendarDay } from "../../../platform/dates.ts";
import { formatMinor } from "../../../platform/money.ts";
import type { Statement } from "./types.ts";

export interface StatementProblem {
  /** Stable code: statement/period-invalid, statement/line-date-invalid, statement/line-outside-period,
   *  statement/duplicate-line, statement/lines-do-not-sum. */
  code: string;
  detail: string;
  /** The statement line concerned, when one is. */
  lineId?: string;
  /** lines-do-not-sum: (opening + lines) − closing; positive when the lines add up to too much. */
  difference?: bigint;
}

export function validateStatement(statement: Statement): StatementProblem[] {
  const scale = statement.scale ?? 2;
  const money = (a: bigint) => formatMinor(a, scale);
  const problems: StatementProblem[] = [];
  const periodOk =
    isCalendarDay(statement.from) && isCalendarDay(statement.to) && statement.from <= statement.to;
  if (!periodOk)
    problems.push({
      code: "statement/period-invalid",
      detail: `the period ${statement.from} – ${statement.to} is not a valid date range`,
    });
  const seen = new Set<string>();
  let sum = 0n;
  for (const line of statement.lines) {
    sum += line.amount;
    if (seen.has(line.id))
      problems.push({
        code: "statement/duplicate-line",
        detail: `line ${line.id} appears twice`,
        lineId: line.id,
      });
    seen.add(line.id);
    if (!isCalendarDay(line.date))
      problems.push({
        code: "statement/line-date-invalid",
        detail: `line ${line.externalId || line.id} has the date "${line.date}", not a calendar day`,
        lineId: line.id,
      });
    else if (periodOk && (line.date < statement.from || line.date > statement.to))
      problems.push({
        code: "statement/line-outside-period",
        detail: `line ${line.externalId || line.id} of ${line.date} (${money(line.amount)}) is outside the period ${statement.from} – ${statement.to}`,
        lineId: line.id,
      });
  }
  const difference = statement.opening + sum - statement.closing;
  if (difference !== 0n)
    problems.push({
      code: "statement/lines-do-not-sum",
      detail:
        `opening ${money(statement.opening)} plus the lines (${money(sum)}) makes ${money(statement.opening + sum)}, ` +
        `but the closing balance is ${money(statement.closing)}: the lines are ${money(difference < 0n ? -difference : difference)} ` +
        `${difference > 0n ? "too high" : "too low"}`,
      difference,
    });
  return problems;
}
