-- Auto Bank Rec, second part (src/modules/reconcile): per bank account, whether Closebook reconciles
-- each arriving statement by itself, or never (excluded: investment, FX, merchant clearing
-- accounts), and who hears about what it leaves; and write-up batches: a year of statements
-- uploaded at once, imported, posted and reconciled month by month by a job, with its progress.

create table reconcile_settings (
  firm_id uuid not null,
  client_id uuid not null,
  bank_account_id uuid not null,
  auto boolean not null default false,
  excluded boolean not null default false,
  excluded_reason text check (length(excluded_reason) <= 500),
  -- Who gets the "reconcile this period" task (a user id); else the client's default assignee.
  assignee_id uuid,
  updated_by text not null,
  updated_by_name text not null,
  updated_at timestamptz not null default now(),
  primary key (client_id, bank_account_id),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, bank_account_id) references bank_accounts (client_id, id),
  -- An excluded account is never reconciled by itself.
  check (not (auto and excluded))
);
select closebook_tenant_rls('reconcile_settings', 'client_id');

create table write_up_batches (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  bank_account_id uuid not null,
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  -- What the request chose about statements earlier than the automation start date.
  start_date text not null check (start_date in ('move-back', 'keep', 'not-needed')),
  requested_by text not null,
  requested_by_name text not null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  files_total integer not null check (files_total > 0),
  files_read integer not null default 0,
  lines_imported integer not null default 0,
  months_total integer not null default 0,
  months_reconciled integer not null default 0,
  months_needing_person integer not null default 0,
  -- Per file and per month: what happened and, when a person is needed, why.
  files jsonb not null default '[]',
  months jsonb not null default '[]',
  error text check (length(error) <= 2000),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, bank_account_id) references bank_accounts (client_id, id),
  unique (client_id, id)
);
-- One batch at a time per bank account: a second one is refused (the insert fails, with its files).
create unique index write_up_batches_one_active on write_up_batches (bank_account_id)
  where status in ('queued', 'running');
create index write_up_batches_client on write_up_batches (client_id, created_at desc);
select closebook_tenant_rls('write_up_batches', 'client_id');

-- The uploaded files until the job has imported them (the import keeps its own copy).
create table write_up_files (
  firm_id uuid not null,
  client_id uuid not null,
  batch_id uuid not null,
  position integer not null check (position >= 0),
  name text not null check (length(name) <= 255),
  bytes bytea,
  primary key (batch_id, position),
  foreign key (client_id, batch_id) references write_up_batches (client_id, id) on delete cascade
);
select closebook_tenant_rls('write_up_files', 'client_id');
