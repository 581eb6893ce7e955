// SQL for the firm overview: the bank feeds of many clients at once, one query per figure. The last
// line and the last import of each account are index probes (bank_lines_account_date,
// bank_imports_account), so the cost grows with the number of accounts, not of lines.
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { ConnectionState } from "./connection-model.ts";

export interface ClientsOf {
  firmId: string;
  clientIds: readonly string[];
}

export interface AccountActivityRow {
  id: string;
  client_id: string;
  name: string;
  short_name: string;
  created_at: Date;
  last_line_date: string | null;
  connection_id: string | null;
  connection_state: ConnectionState | null;
}

/** The active bank and card accounts of the clients, each with the date of its latest line and its connection. */
export async function accountActivity(ex: Executor, c: ClientsOf): Promise<AccountActivityRow[]> {
  if (c.clientIds.length === 0) return [];
  const r = await sql<AccountActivityRow>`
    select ba.id, ba.client_id, ba.name, ba.short_name, ba.created_at,
      (select max(bl.date) from bank_lines bl where bl.bank_account_id = ba.id)::text as last_line_date,
      cn.id as connection_id, cn.state as connection_state
    from bank_accounts ba
    left join connections cn on cn.id = ba.connection_id and cn.removed_at is null
    where ba.firm_id = ${c.firmId}::uuid and ba.client_id = any(${[...c.clientIds]}::uuid[]) and ba.is_active
    order by ba.client_id, ba.name`.execute(ex);
  return r.rows;
}

export interface OpenConnectionRow {
  id: string;
  client_id: string;
  state: ConnectionState;
  institution: string;
  /** Since the last change: for a requested or setting-up connection, how long it has been so. */
  updated_at: Date;
}

/** The clients' connections that are not (or no longer) connected. */
export async function unconnected(ex: Executor, c: ClientsOf): Promise<OpenConnectionRow[]> {
  if (c.clientIds.length === 0) return [];
  const r = await sql<OpenConnectionRow>`
    select cn.id, cn.client_id, cn.state, i.name as institution, cn.updated_at
    from connections cn
    join institutions i on i.client_id = cn.client_id and i.id = cn.institution_id
    where cn.firm_id = ${c.firmId}::uuid and cn.client_id = any(${[...c.clientIds]}::uuid[])
      and cn.removed_at is null and cn.state <> 'connected'
    order by cn.client_id, cn.created_at`.execute(ex);
  return r.rows;
}

export interface LastImportRow {
  client_id: string;
  bank_account_id: string;
  bank_account_name: string;
  created_at: Date;
  new_lines: number;
  source: string;
}

/** Each client's latest statement import (any of its accounts, inactive ones included). */
export async function lastImports(ex: Executor, c: ClientsOf): Promise<LastImportRow[]> {
  if (c.clientIds.length === 0) return [];
  const r = await sql<LastImportRow>`
    select distinct on (ba.client_id) ba.client_id, ba.id as bank_account_id, ba.name as bank_account_name,
      li.created_at, li.new_lines, li.source
    from bank_accounts ba
    cross join lateral (
      select bi.created_at, bi.new_lines, bi.source from bank_imports bi
      where bi.bank_account_id = ba.id order by bi.created_at desc limit 1
    ) li
    where ba.firm_id = ${c.firmId}::uuid and ba.client_id = any(${[...c.clientIds]}::uuid[])
    order by ba.client_id, li.created_at desc`.execute(ex);
  return r.rows;
}
