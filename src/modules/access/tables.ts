// Row types of the tenancy tables (firms and clients).
import type { Generated } from "kysely";

export interface FirmsTable {
  id: string;
  slug: string;
  name: string;
  created_at: Generated<Date>;
}

export interface ClientsTable {
  id: string;
  firm_id: string;
  slug: string;
  name: string;
  home_currency: Generated<string>;
  status: Generated<"active" | "terminated">;
  created_at: Generated<Date>;
}

export interface AccessTables {
  firms: FirmsTable;
  clients: ClientsTable;
}
