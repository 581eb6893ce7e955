-- Banking, part 1: a client's institutions, bank and card accounts (each linked to a ledger account),
-- connections to data providers (with their history) and the requests a connection creates.

create table institutions (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  -- How statement files identify the bank (OFX ORG/BANKID, BIC, routing number), when known.
  bank_code text check (length(bank_code) <= 100),
  created_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  unique (client_id, name),
  unique (client_id, id)
);

-- States: requested → setting_up → connected → disconnected (→ setting_up again on reconnect);
-- the transitions live in src/modules/banking/connection-model.ts. A removed connection keeps its
-- row and history (removed_at) so that imports it made stay explained.
create table connections (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  institution_id uuid not null,
  -- Null while requested: the person who sets it up chooses the provider.
  provider text check (provider ~ '^[a-z0-9-]{1,40}$'),
  state text not null check (state in ('requested', 'setting_up', 'connected', 'disconnected')),
  -- The person responsible for the connection (a user id, or "system"); gets the reconnect task.
  owner_id text not null,
  owner_name text not null,
  created_by text not null,
  -- What the provider needs to find its data again (the file-drop folder, an aggregator's item id).
  details jsonb not null default '{}',
  last_error text check (length(last_error) <= 4000),
  last_synced_at timestamptz,
  removed_at timestamptz,
  removed_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, institution_id) references institutions (client_id, id),
  check ((state = 'requested') or provider is not null),
  unique (client_id, id)
);
create index connections_client on connections (client_id) where removed_at is null;

-- Every state change of a connection, append-only.
create table connection_events (
  id bigint generated always as identity primary key,
  firm_id uuid not null,
  client_id uuid not null,
  connection_id uuid not null,
  event text not null,
  from_state text,
  to_state text,
  actor_id text not null,
  actor_name text not null,
  reason text check (length(reason) <= 4000),
  occurred_at timestamptz not null default now(),
  foreign key (client_id, connection_id) references connections (client_id, id)
);
create index connection_events_connection on connection_events (connection_id, id);

-- The task a connection request (or a lost connection) gives someone: a minimal record until the
-- work module owns tasks. kind connect: the client is asked to connect; reconnect: the owner is.
create table connection_requests (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  connection_id uuid not null,
  kind text not null check (kind in ('connect', 'reconnect')),
  requested_by text not null,
  -- The person asked; null when the request goes to the client's people at large.
  assignee_id text,
  message text check (length(message) <= 2000),
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  foreign key (client_id, connection_id) references connections (client_id, id),
  check ((status = 'open') = (closed_at is null))
);
create index connection_requests_open on connection_requests (client_id, connection_id) where status = 'open';

create table bank_accounts (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  -- A short handle for the command line (`--bank-account checking`), unique within the client.
  short_name text not null check (short_name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('bank', 'credit_card')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  -- Last characters of the account number, as shown to people and used to match statement files.
  mask text check (mask ~ '^[0-9A-Za-z]{1,4}$'),
  -- The account number as statement files write it (optional; matches files exactly).
  account_number text check (length(account_number) between 1 and 64),
  institution_id uuid,
  connection_id uuid,
  -- A bank or credit-card account of this client's chart (checked by the service: detail type).
  ledger_account_id uuid not null,
  -- The CSV column layout last used for this account's files (formats/csv-mapping.ts CsvMapping).
  csv_mapping jsonb,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, ledger_account_id) references accounts (client_id, id),
  foreign key (client_id, institution_id) references institutions (client_id, id),
  foreign key (client_id, connection_id) references connections (client_id, id),
  unique (client_id, short_name),
  unique (client_id, id)
);
-- One real account per ledger account: two feeds into one register would double its lines.
create unique index bank_accounts_ledger_account on bank_accounts (client_id, ledger_account_id);

-- Connection history is append-only (the purge of a terminated client excepted).
create function banking_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('closebook.purging_client', true) = old.client_id::text then
    return old;
  end if;
  raise exception '% rows are append-only', tg_table_name using errcode = '55000';
end $$;
create trigger connection_events_append_only before update or delete on connection_events
  for each row execute function banking_append_only();

select closebook_tenant_rls('institutions', 'client_id');
select closebook_tenant_rls('connections', 'client_id');
select closebook_tenant_rls('connection_events', 'client_id');
select closebook_tenant_rls('connection_requests', 'client_id');
select closebook_tenant_rls('bank_accounts', 'client_id');
