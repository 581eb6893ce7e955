// Bank lines that never became transactions: the job of their import was lost (a crash, or a
// second process on the embedded database before the data-folder lock). Found again at start-up.
import { sql } from "kysely";
import type { Executor } from "../../platform/db.ts";

export interface OrphanedImport {
  firmId: string;
  clientId: string;
  bankAccountId: string;
  importId: string;
  /** Lines of the import with no transaction. */
  orphans: number;
  /** All lines of the import (what its job lists; those with a transaction are skipped). */
  lines: number;
}

/** Imports with lines that have no transaction; `except` leaves out imports known to be in hand (their job waits). */
export async function orphanedImports(
  db: Executor,
  except: readonly string[] = [],
): Promise<OrphanedImport[]> {
  const { rows } = await sql<OrphanedImport>`
    select o.firm_id as "firmId", o.client_id as "clientId", o.bank_account_id as "bankAccountId",
           o.import_id as "importId", o.orphans,
           (select count(*)::int from bank_lines a where a.import_id = o.import_id) as lines
    from (
      select bl.firm_id, bl.client_id, bl.bank_account_id, bl.import_id, count(*)::int as orphans
      from bank_lines bl
      where not exists (select 1 from transactions t where t.bank_line_id = bl.id)
        and bl.import_id <> all(${`{${except.join(",")}}`}::uuid[])
      group by bl.firm_id, bl.client_id, bl.bank_account_id, bl.import_id
    ) o`.execute(db);
  return rows;
}
