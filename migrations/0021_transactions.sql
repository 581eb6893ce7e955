-- The Transaction Manager: per bank account automation (AutoPush, Manual Push, none), and one
-- transaction per imported bank line with its prediction, its current coding, its review state and
-- the journal entry that posts it (edits reverse that entry and post a new one; the ledger stays
-- append-only).

create table bank_automation (
  bank_account_id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  mode text not null check (mode in ('auto_push', 'manual_push', 'none')),
  -- Lines dated before it are left out of automation (the books already hold them).
  start_date date,
  updated_by text not null,
  updated_by_name text not null,
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, bank_account_id) references bank_accounts (client_id, id)
);

-- Rows arrive 10,000 at a time from an import job through unnest arrays, so — like bank_lines and
-- journal_lines — they carry no foreign keys: the service resolves the client, the bank account and
-- its lines in the same transaction. The bank line is unique here (one transaction per line).
create table transactions (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  bank_account_id uuid not null,
  bank_line_id uuid not null unique,
  -- The bank or card account of the chart the bank account is linked to (one side of every entry).
  bank_ledger_account_id uuid not null,
  -- Copied from the immutable bank line, so that lists and filters read one table.
  date date not null,
  amount bigint not null,
  currency text not null,
  description text not null,
  bank_payee text,
  status text not null check (status in ('needs_review', 'processed', 'held', 'excluded')),
  -- Why it has its status, in a few words ("high confidence", "material amount", …).
  status_reason text not null,
  -- The prediction, as made (it is never rewritten by corrections).
  method text check (method in ('rule', 'memory', 'client_model', 'global_model', 'default')),
  model_version text,
  confidence double precision check (confidence between 0 and 1),
  band text check (band in ('high', 'medium', 'low')),
  explanation text,
  reason jsonb,
  rule_id uuid,
  predicted_account_id uuid,
  predicted_payee text,
  predicted_contact_id uuid,
  predicted_class_id uuid,
  predicted_split jsonb,
  -- The current coding: what is posted (or would be, once pushed).
  account_id uuid,
  payee text,
  contact_id uuid,
  class_id uuid,
  department_id uuid,
  memo text,
  -- [{ "accountId", "amount" (minor units, signed like the line), "classId", "memo", "percent" }]
  split jsonb,
  -- The journal entry that posts the current coding; null while unposted.
  entry_id uuid,
  posted_at timestamptz,
  material boolean not null default false,
  assignee_id text,
  edited_by text,
  edited_by_name text,
  edited_at timestamptz,
  reviewed_by text,
  reviewed_by_name text,
  reviewed_at timestamptz,
  -- The coding memory learned from this line ({ account, payee, classId }), so that a later
  -- correction takes that vote back before adding the new one.
  learned jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((entry_id is null) = (posted_at is null)),
  check (status <> 'held' or entry_id is null),
  unique (client_id, id)
);
-- The Transaction Manager's tabs read newest first, 25 at a time.
create index transactions_tab on transactions (client_id, status, date desc, id desc);

select closebook_tenant_rls('bank_automation', 'client_id');
select closebook_tenant_rls('transactions', 'client_id');
