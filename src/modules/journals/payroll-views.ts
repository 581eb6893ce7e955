// What the payroll routes send back: mappings as saved, a file's planned entries and the payroll
// entries, amounts as decimals at the client's scale.
import { formatMinor } from "../../platform/money.ts";
import type { Preview } from "./payroll-entry-service.ts";
import type * as store from "./payroll-store.ts";

export function mappingOut(row: store.MappingRow) {
  return {
    provider: row.provider,
    columns: row.columns,
    accounts: row.accounts,
    departmentAccounts: row.department_accounts,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function previewOut(p: Preview) {
  const money = (v: bigint) => formatMinor(v, p.scale);
  return {
    provider: p.provider,
    duplicates: p.duplicates,
    entries: p.entries.map((e) => ({
      payDate: e.payDate,
      employees: e.rows,
      totals: Object.fromEntries(Object.entries(e.totals).map(([k, v]) => [k, money(v)])) as Record<
        keyof typeof e.totals,
        string
      >,
      lines: e.lines.map((l) => ({
        accountId: l.accountId,
        accountName: p.accountNames.get(l.accountId) ?? l.accountId,
        amount: money(l.amount),
        memo: l.memo,
        department: l.department,
      })),
    })),
  };
}

export function payrollEntryOut(row: store.PayrollEntryRow, scale: number) {
  return {
    id: row.id,
    provider: row.provider,
    payDate: row.pay_date,
    state: row.state,
    entryId: row.entry_id,
    reversalEntryId: row.reversal_entry_id,
    netPay: formatMinor(row.net_pay, scale),
    grossWages: formatMinor(row.gross_wages, scale),
    employees: row.employees,
    fileName: row.file_name,
    matchedTransactionId: row.matched_transaction_id,
  };
}
