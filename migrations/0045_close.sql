-- The Close Tracker (src/modules/close): the firm's holiday list, each client's close settings and
-- the cadence changes' history, and a row per client and month that has been worked (status,
-- preparer and reviewer, the day the required information was complete, the close itself), with
-- an append-only timeline of what happened to it (assignments, status changes, closes with their
-- override reasons, reopenings).

create table close_holidays (
  firm_id uuid not null references firms (id),
  day date not null,
  name text not null check (char_length(name) between 1 and 200),
  primary key (firm_id, day)
);
select closebook_tenant_rls('close_holidays');

create table close_settings (
  firm_id uuid not null,
  client_id uuid not null primary key,
  cadence text not null check (cadence in ('daily', 'weekly')),
  weekly_due_day integer not null check (weekly_due_day in (10, 15)),
  -- Hard close locks the ledger period; soft close leaves it open (late items go to the next month).
  close_mode text not null check (close_mode in ('hard', 'soft')),
  preparer_id text check (char_length(preparer_id) <= 100),
  reviewer_id text check (char_length(reviewer_id) <= 100),
  updated_by text not null,
  updated_at timestamptz not null,
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
select closebook_tenant_rls('close_settings', 'client_id');

-- A cadence applies from a month on ("YYYY-MM"): a change made during a month applies from the next.
create table close_cadence_changes (
  firm_id uuid not null,
  client_id uuid not null,
  effective_from text not null check (effective_from ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  cadence text not null check (cadence in ('daily', 'weekly')),
  weekly_due_day integer not null check (weekly_due_day in (10, 15)),
  changed_by text not null,
  changed_at timestamptz not null,
  primary key (client_id, effective_from),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
select closebook_tenant_rls('close_cadence_changes', 'client_id');

create table close_periods (
  firm_id uuid not null,
  client_id uuid not null,
  month date not null check (extract(day from month) = 1),
  status text not null
    check (status in ('not_started', 'in_progress', 'ready_for_review', 'closed', 'reopened')),
  preparer_id text check (char_length(preparer_id) <= 100),
  reviewer_id text check (char_length(reviewer_id) <= 100),
  information_received_on date,
  close_mode text check (close_mode in ('hard', 'soft')),
  closed_at timestamptz,
  closed_by text,
  closed_by_name text,
  override_reason text check (char_length(override_reason) <= 2000),
  updated_at timestamptz not null,
  primary key (client_id, month),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
create index close_periods_firm_month on close_periods (firm_id, month);
select closebook_tenant_rls('close_periods', 'client_id');

create table close_period_events (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  month date not null,
  action text not null
    check (action in ('assigned', 'status', 'information', 'closed', 'reopened')),
  status text,
  reason text check (char_length(reason) <= 2000),
  -- What the event carried: the blockers overridden, the package asked for, who was assigned.
  detail jsonb not null default '{}',
  by_user text not null check (char_length(by_user) <= 100),
  by_name text not null,
  at timestamptz not null,
  foreign key (client_id, month) references close_periods (client_id, month)
);
create index close_period_events_month on close_period_events (client_id, month, at);
select closebook_tenant_rls('close_period_events', 'client_id');

-- The timeline is the proof of the close: events are never changed (a purge deletes rows).
create function close_period_events_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'close period events are append-only' using errcode = '55000';
end $$;
create trigger close_period_events_no_update before update on close_period_events
  for each row execute function close_period_events_immutable();
