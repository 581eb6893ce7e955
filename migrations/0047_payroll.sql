-- Payroll journal entries (JE Automation, src/modules/journals): a client's column mapping per
-- payroll provider, and one entry per pay date imported from a payroll register. The ledger keeps
-- the entries (draft, posted, reversal); a payroll entry links one to its provider and pay date,
-- keeps the approval and the bank transaction its net pay was matched to. A provider's pay date
-- has one live entry (a reversed one may be imported again), so importing a file twice is refused.

create table payroll_mappings (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  -- "gusto", "adp", "paychex" or the firm's own name for another provider's export.
  provider text not null check (provider ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  -- Column header → role (payroll-model.ts PAYROLL_ROLES); several headers may share a role.
  columns jsonb not null,
  -- Ledger accounts by what they take (wages, employerTaxes, benefits, reimbursements,
  -- liabilities, benefitsPayable, bank).
  accounts jsonb not null,
  -- A department's wages to its own expense account, by department name as in the file.
  department_accounts jsonb not null default '{}',
  created_by text not null check (char_length(created_by) <= 100),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  foreign key (firm_id, client_id) references clients (firm_id, id),
  unique (client_id, provider),
  unique (client_id, id)
);
select closebook_tenant_rls('payroll_mappings', 'client_id');

create table payroll_entries (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  provider text not null,
  pay_date date not null,
  state text not null check (state in ('draft', 'approved', 'posted', 'reversed')),
  -- The ledger's entry, and its reversal once corrected.
  entry_id uuid not null,
  reversal_entry_id uuid,
  -- The ledger account the net pay leaves from, and the net pay (minor units, positive): what a
  -- bank line must show (as an outflow) to be this entry's.
  bank_account_id uuid not null,
  net_pay bigint not null check (net_pay >= 0),
  gross_wages bigint not null,
  employees integer not null check (employees > 0),
  file_name text not null check (char_length(file_name) <= 300),
  -- The Transaction Manager's transaction of the bank line that paid the net pay.
  matched_transaction_id uuid,
  approved_by text,
  approved_at timestamptz,
  created_by text not null check (char_length(created_by) <= 100),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
create unique index payroll_entries_live on payroll_entries (client_id, provider, pay_date)
  where state <> 'reversed';
create unique index payroll_entries_matched on payroll_entries (matched_transaction_id)
  where matched_transaction_id is not null;
create index payroll_entries_net on payroll_entries (client_id, bank_account_id, net_pay);
select closebook_tenant_rls('payroll_entries', 'client_id');

-- A transaction whose bank line is paid by an entry made elsewhere (a payroll entry's net pay):
-- it points at that entry and is neither predicted, posted nor recoded by the Transaction Manager.
alter table transactions add column linked_entry_kind text check (linked_entry_kind in ('payroll'));
