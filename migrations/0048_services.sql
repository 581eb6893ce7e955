-- Service procedures (src/modules/services): the firm's service catalogue (each service a template
-- of recurring tasks, close checklist items, required information and a cut-off rule), which
-- services each client has on and from which month, and per client and month the checklist's
-- sign-offs (preparer, then reviewer) and the required information's arrivals.

create table service_catalogue (
  id uuid primary key,
  firm_id uuid not null references firms (id),
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,59}$'),
  name text not null check (char_length(name) between 1 and 200),
  tier text not null check (tier in ('basic', 'advanced')),
  -- description, tasks, checklist, requiredInfo, cutOff (checked by services/catalogue-model.ts).
  definition jsonb not null,
  -- The work project template that generates the service's recurring tasks (made when first needed).
  work_template_id uuid,
  archived_at timestamptz,
  updated_by text not null,
  updated_at timestamptz not null,
  unique (firm_id, code),
  unique (firm_id, id)
);
select closebook_tenant_rls('service_catalogue');

-- A client's scope: a service on from a month ("YYYY-MM"); switched off, it covers through `until_month`.
create table client_services (
  firm_id uuid not null,
  client_id uuid not null,
  service_id uuid not null,
  from_month text not null check (from_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  until_month text check (until_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  changed_by text not null,
  changed_at timestamptz not null,
  primary key (client_id, service_id),
  check (until_month is null or until_month >= from_month),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (firm_id, service_id) references service_catalogue (firm_id, id)
);
select closebook_tenant_rls('client_services', 'client_id');

-- A checklist item of a client's month with its sign-offs: the reviewer's only after the preparer's.
create table close_checklist_signoffs (
  firm_id uuid not null,
  client_id uuid not null,
  month text not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  item_key text not null check (char_length(item_key) between 1 and 200),
  service_code text not null,
  text text not null,
  prepared_by text,
  prepared_by_name text,
  prepared_at timestamptz,
  reviewed_by text,
  reviewed_by_name text,
  reviewed_at timestamptz,
  primary key (client_id, month, item_key),
  check ((prepared_by is null) = (prepared_at is null)),
  check ((reviewed_by is null) = (reviewed_at is null)),
  check (reviewed_by is null or prepared_by is not null),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
select closebook_tenant_rls('close_checklist_signoffs', 'client_id');

-- A required information item of a client's month: its request task and its arrival (a document,
-- a statement import, or a person's tick).
create table required_info_items (
  firm_id uuid not null,
  client_id uuid not null,
  month text not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  item_key text not null check (char_length(item_key) between 1 and 200),
  kind text not null
    check (kind in ('bank_statement', 'card_statement', 'payroll_register', 'loan_statement', 'sales_report', 'other')),
  name text not null,
  -- The bank account of a statement (banking's id, named, not joined).
  account_id uuid,
  request_task_id uuid,
  received_on date,
  received_via text check (received_via in ('document', 'statement_import', 'payroll_import', 'manual')),
  document_id uuid,
  import_id uuid,
  received_by text,
  received_by_name text,
  received_at timestamptz,
  primary key (client_id, month, item_key),
  check ((received_on is null) = (received_via is null)),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
create index required_info_items_account on required_info_items (client_id, account_id) where account_id is not null;
create index required_info_items_task on required_info_items (request_task_id) where request_task_id is not null;
select closebook_tenant_rls('required_info_items', 'client_id');
