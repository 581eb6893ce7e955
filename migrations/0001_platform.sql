-- Platform tables: the audit trail and the in-process job queue.

create table audit_events (
  id bigint generated always as identity primary key,
  firm_id uuid,
  client_id uuid,
  actor_type text not null,
  actor_id text,
  action text not null,
  subject_type text,
  subject_id text,
  before jsonb,
  after jsonb,
  occurred_at timestamptz not null default now()
);
create index audit_events_firm_time on audit_events (firm_id, occurred_at desc);
create index audit_events_subject on audit_events (subject_type, subject_id);

-- The audit trail is append-only too.
create function audit_events_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'audit events are append-only' using errcode = '55000';
end $$;
create trigger audit_events_no_change before update or delete on audit_events
  for each row execute function audit_events_immutable();

create table job_queue (
  id bigint generated always as identity primary key,
  name text not null,
  data jsonb not null,
  state text not null default 'queued' check (state in ('queued', 'active', 'done', 'failed')),
  attempts integer not null default 0,
  run_after timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index job_queue_due on job_queue (state, run_after, id) where state = 'queued';
