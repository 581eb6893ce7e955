-- Access: memberships (a user's role and client access in its firm), client details, onboarding
-- and termination, firm details and branding.

create table memberships (
  user_id uuid primary key,
  firm_id uuid not null,
  role text not null check (role in ('partner_admin', 'partner_ops', 'client_admin', 'client_ops', 'client_self_service')),
  -- all: every client, now and later; current: the clients of the grant (kept as a list); list: chosen.
  client_access text not null check (client_access in ('all', 'current', 'list')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (firm_id, user_id) references users (firm_id, id),
  check (role like 'partner_%' or client_access = 'list')
);

create table membership_clients (
  user_id uuid not null references memberships (user_id) on delete cascade,
  firm_id uuid not null,
  client_id uuid not null,
  primary key (user_id, client_id),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
create index membership_clients_client on membership_clients (client_id);

alter table clients
  add column legal_name text check (length(legal_name) <= 200),
  add column dba text check (length(dba) <= 200),
  add column industry text check (length(industry) <= 100),
  add column accounting_system text check (accounting_system in ('closebook', 'quickbooks_online', 'xero', 'other')),
  add column bookkeeping_cadence text check (bookkeeping_cadence in ('daily', 'weekly', 'monthly', 'quarterly')),
  add column close_day integer check (close_day between 1 and 31),
  add column service_start_date date,
  add column point_of_contact jsonb,
  add column bank_statement_contact jsonb,
  -- The firm's internal notes: never shown to client users.
  add column notes text check (length(notes) <= 10000),
  -- The add-client wizard's progress, so it can be left and resumed.
  add column onboarding jsonb not null default '{"step": "details", "completedSteps": [], "data": {}}',
  add column terminated_at timestamptz,
  add column terminated_by text,
  add column termination_reason text check (length(termination_reason) <= 1000),
  -- Terminated clients are purged after this moment (90 days) unless the termination is cancelled.
  add column purge_after timestamptz,
  add column updated_at timestamptz not null default now(),
  add constraint clients_termination check ((status = 'terminated') = (purge_after is not null));

alter table firms
  add column legal_name text check (length(legal_name) <= 200),
  add column address text check (length(address) <= 1000),
  add column phone text check (length(phone) <= 50),
  add column website text check (length(website) <= 300),
  add column support_email text check (length(support_email) <= 320),
  add column licences_paid integer not null default 25 check (licences_paid between 0 and 100000),
  add column updated_at timestamptz not null default now();

create table firm_assets (
  firm_id uuid not null references firms (id),
  kind text not null check (kind in ('logo', 'favicon')),
  content_type text not null,
  bytes bytea not null check (length(bytes) <= 524288),
  sha256 text not null,
  updated_at timestamptz not null default now(),
  primary key (firm_id, kind)
);

-- A terminated client's data is purged after its retention period: the append-only rules of the
-- ledger and the audit trail give way only to the purge of that one client (closebook.purging_client).
create or replace function ledger_posted_immutable() returns trigger language plpgsql as $$
begin
  if current_setting('closebook.purging_client', true) = old.client_id::text then
    return old;
  end if;
  if tg_table_name = 'journal_entries' then
    if old.status = 'posted' then
      raise exception 'posted journal entry % is append-only; reverse it instead', old.id using errcode = '55000';
    end if;
    if tg_op = 'UPDATE' then return new; end if;
    return old;
  end if;
  raise exception 'journal lines are append-only; reverse the entry instead' using errcode = '55000';
end $$;

create or replace function audit_events_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('closebook.purging_client', true) = old.client_id::text then
    return old;
  end if;
  raise exception 'audit events are append-only' using errcode = '55000';
end $$;
