// Row types of the access tables: firms, clients, memberships and firm branding
// (migrations 0002_tenancy.sql and 0005_access.sql).
import type { ColumnType, Generated } from "kysely";
import type { AccountingSystem, Cadence } from "./client-model.ts";
import type { ClientAccessMode, Role } from "./model.ts";

export interface FirmsTable {
  id: string;
  slug: string;
  name: string;
  legal_name: Generated<string | null>;
  address: Generated<string | null>;
  phone: Generated<string | null>;
  website: Generated<string | null>;
  support_email: Generated<string | null>;
  licences_paid: Generated<number>;
  /** #rrggbb (lower case), or null for the neutral look (0036_firm_brand_color.sql). */
  brand_color: Generated<string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ClientsTable {
  id: string;
  firm_id: string;
  slug: string;
  name: string;
  home_currency: Generated<string>;
  status: Generated<"active" | "terminated">;
  created_at: Generated<Date>;
  legal_name: Generated<string | null>;
  dba: Generated<string | null>;
  industry: Generated<string | null>;
  accounting_system: Generated<AccountingSystem | null>;
  bookkeeping_cadence: Generated<Cadence | null>;
  close_day: Generated<number | null>;
  service_start_date: Generated<string | null>;
  point_of_contact: ColumnType<unknown, string | null | undefined, string | null>;
  bank_statement_contact: ColumnType<unknown, string | null | undefined, string | null>;
  notes: Generated<string | null>;
  onboarding: ColumnType<unknown, string | undefined, string>;
  terminated_at: Generated<Date | null>;
  terminated_by: Generated<string | null>;
  termination_reason: Generated<string | null>;
  purge_after: Generated<Date | null>;
  updated_at: Generated<Date>;
}

export interface MembershipsTable {
  user_id: string;
  firm_id: string;
  role: Role;
  client_access: ClientAccessMode;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MembershipClientsTable {
  user_id: string;
  firm_id: string;
  client_id: string;
}

export interface FirmAssetsTable {
  firm_id: string;
  kind: "logo" | "favicon";
  content_type: string;
  bytes: Uint8Array;
  sha256: string;
  updated_at: Generated<Date>;
}

export interface AccessTables {
  firms: FirmsTable;
  clients: ClientsTable;
  memberships: MembershipsTable;
  membership_clients: MembershipClientsTable;
  firm_assets: FirmAssetsTable;
}
