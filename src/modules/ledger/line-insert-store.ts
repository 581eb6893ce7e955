// SQL that inserts the lines of posted entries in bulk: each column goes over as one array literal
// through unnest, with the batch's entries and accounts sent once and named by position.
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import { arrayLiteral, quotedElement } from "../../platform/sql-arrays.ts";
import type { LineInput } from "./model.ts";
import type { Scope } from "./store.ts";
import { BATCH } from "./bulk-batch.ts";

/** One column of a batch of lines, as an array literal; all-NULL columns are sent as a NULL array. */
class Column {
  private readonly values: string[] = [];
  private present = false;

  constructor(private readonly quote: boolean) {}

  push(value: string | null): void {
    if (value === null) this.values.push("NULL");
    else {
      this.present = true;
      this.values.push(this.quote ? quotedElement(value) : value);
    }
  }

  /** The literal (null when every value is NULL: unnest pads a NULL array with NULLs) and a reset. */
  take(): string | null {
    const literal = this.present ? `{${this.values.join(",")}}` : null;
    this.values.length = 0;
    this.present = false;
    return literal;
  }

  get length(): number {
    return this.values.length;
  }
}

export async function insertLines(
  ex: Executor,
  s: Scope,
  entries: ReadonlyArray<{ id: string; date: string; lines: readonly LineInput[] }>,
): Promise<void> {
  // Each batch sends its entries' ids and dates, and its accounts, once; a line names them by
  // position (1-based). A line is then about a quarter of the bytes to send, serialize and parse.
  let entryIds: string[] = [];
  let entryDates: string[] = [];
  let accounts = new Map<string, number>();
  const cols = {
    entry: new Column(false),
    lineNo: new Column(false),
    account: new Column(false),
    amount: new Column(false),
    currency: new Column(true),
    costAmount: new Column(false),
    costCurrency: new Column(true),
    conversion: new Column(false),
    virtual: new Column(false),
    contact: new Column(false),
    klass: new Column(false),
    department: new Column(false),
    location: new Column(false),
    project: new Column(false),
    memo: new Column(true),
  };
  const flush = async () => {
    if (cols.entry.length === 0) return;
    // unnest pads the NULL (all-empty) arrays with NULLs; the first five are never NULL.
    await sql`
      insert into journal_lines (firm_id, client_id, entry_id, line_no, date, account_id, amount, currency, cost_amount, cost_currency,
        is_conversion, is_virtual, contact_id, class_id, department_id, location_id, project_id, memo)
      select ${s.firmId}::uuid, ${s.clientId}::uuid, b.entry_ids[u.e], u.line_no, b.dates[u.e], b.accounts[u.a], u.amount, u.currency,
        u.cost_amount, u.cost_currency, coalesce(u.is_conversion, false), coalesce(u.is_virtual, false), u.contact_id, u.class_id,
        u.department_id, u.location_id, u.project_id, u.memo
      from (select ${arrayLiteral(entryIds)}::uuid[] as entry_ids, ${arrayLiteral(entryDates)}::date[] as dates,
          ${arrayLiteral([...accounts.keys()])}::uuid[] as accounts) as b,
        unnest(
          ${cols.entry.take()}::int4[], ${cols.lineNo.take()}::int4[], ${cols.account.take()}::int4[], ${cols.amount.take()}::int8[],
          ${cols.currency.take()}::text[], ${cols.costAmount.take()}::int8[], ${cols.costCurrency.take()}::text[],
          ${cols.conversion.take()}::bool[], ${cols.virtual.take()}::bool[], ${cols.contact.take()}::uuid[], ${cols.klass.take()}::uuid[],
          ${cols.department.take()}::uuid[], ${cols.location.take()}::uuid[], ${cols.project.take()}::uuid[], ${cols.memo.take()}::text[]
        ) as u(e, line_no, a, amount, currency, cost_amount, cost_currency, is_conversion, is_virtual,
          contact_id, class_id, department_id, location_id, project_id, memo)`.execute(ex);
    entryIds = [];
    entryDates = [];
    accounts = new Map();
  };
  for (const entry of entries) {
    const e = String(entryIds.push(entry.id));
    entryDates.push(entry.date);
    entry.lines.forEach((l, i) => {
      let a = accounts.get(l.accountId);
      if (a === undefined) accounts.set(l.accountId, (a = accounts.size + 1));
      cols.entry.push(e);
      cols.lineNo.push(String(i + 1));
      cols.account.push(String(a));
      cols.amount.push(l.amount.toString());
      cols.currency.push(l.currency);
      cols.costAmount.push(l.cost ? l.cost.amount.toString() : null);
      cols.costCurrency.push(l.cost ? l.cost.currency : null);
      cols.conversion.push(l.isConversion ? "t" : null);
      cols.virtual.push(l.isVirtual ? "t" : null);
      cols.contact.push(l.contactId ?? null);
      cols.klass.push(l.classId ?? null);
      cols.department.push(l.departmentId ?? null);
      cols.location.push(l.locationId ?? null);
      cols.project.push(l.projectId ?? null);
      cols.memo.push(l.memo ?? null);
    });
    if (cols.entry.length >= BATCH) await flush();
  }
  await flush();
}
