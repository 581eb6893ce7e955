-- Work (src/modules/work): tasks of four types with checklists, attachments and their own history;
-- projects grouping tasks; project templates that recur per client and generate a period's project.

-- A firm's templates: task blueprints (JSON, checked by src/modules/work/template-model.ts) with due
-- dates relative to a period, recurring monthly, quarterly or yearly.
create table project_templates (
  id uuid primary key,
  firm_id uuid not null references firms (id),
  name text not null check (char_length(name) between 1 and 200),
  recurrence text not null check (recurrence in ('monthly', 'quarterly', 'yearly')),
  blueprints jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz,
  unique (firm_id, id)
);
select closebook_tenant_rls('project_templates');

-- The clients a template recurs for, from a first period on.
create table project_template_clients (
  template_id uuid not null,
  firm_id uuid not null,
  client_id uuid not null,
  first_period text not null,
  added_by text not null,
  added_at timestamptz not null default now(),
  primary key (template_id, client_id),
  foreign key (firm_id, template_id) references project_templates (firm_id, id),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
create index project_template_clients_client on project_template_clients (client_id);
select closebook_tenant_rls('project_template_clients', 'client_id');

-- A project groups a client's tasks. One generated from a template is that template's project
-- for one period: the unique key makes a second generation of the same period add nothing.
create table projects (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  template_id uuid,
  period text,
  created_by text not null,
  created_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (firm_id, template_id) references project_templates (firm_id, id),
  unique (client_id, id),
  unique (template_id, client_id, period),
  check ((template_id is null) = (period is null))
);
create index projects_client on projects (client_id, created_at desc);
select closebook_tenant_rls('projects', 'client_id');

create table tasks (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  project_id uuid,
  type text not null check (type in ('document_upload_request', 'bank_connection_request', 'credential_request', 'custom')),
  title text not null check (char_length(title) between 1 and 200),
  description text not null default '',
  status text not null check (status in ('to_do', 'in_progress', 'done', 'rejected')),
  priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
  due_date date,
  -- Who the task waits on: one user (of the firm or of the client), the client as a whole, nobody yet.
  assignee_kind text not null check (assignee_kind in ('user', 'client', 'none')),
  assignee_user_id uuid,
  watchers uuid[] not null default '{}',
  -- References by type. The documents module's folder and banking's connection are named, not
  -- joined: those modules own their tables, and a request may outlive what it names.
  folder text,
  connection_id uuid,
  credential jsonb,
  -- A task another module asked for (work's system tasks API): its stable key per client makes a
  -- second request the same task.
  system_key text,
  -- The blueprint a template's project generated it from.
  template_index integer,
  created_by text not null,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  deleted_at timestamptz,
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, project_id) references projects (client_id, id),
  check ((assignee_kind = 'user') = (assignee_user_id is not null)),
  check ((status in ('done', 'rejected')) = (closed_at is not null)),
  unique (client_id, id),
  unique (client_id, system_key),
  unique (project_id, template_index)
);
-- My work: a user's open tasks by due date, across every client (the default view of the portal).
create index tasks_my_work on tasks (firm_id, assignee_user_id, due_date, id)
  where deleted_at is null and status in ('to_do', 'in_progress');
-- Everyone's open work, and any view by due date.
create index tasks_open_due on tasks (firm_id, due_date, id)
  where deleted_at is null and status in ('to_do', 'in_progress');
-- A client's tasks (the client's page, and client users, who see one client).
create index tasks_client on tasks (client_id, status, due_date, id) where deleted_at is null;
create index tasks_project on tasks (project_id) where project_id is not null;
select closebook_tenant_rls('tasks', 'client_id');

create table task_checklist_items (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  task_id uuid not null,
  position integer not null,
  text text not null check (char_length(text) between 1 and 200),
  done boolean not null default false,
  done_by text,
  done_at timestamptz,
  foreign key (client_id, task_id) references tasks (client_id, id)
);
create index task_checklist_items_task on task_checklist_items (task_id, position);
select closebook_tenant_rls('task_checklist_items', 'client_id');

-- Documents attached to a task (ids of the documents module; no foreign key, see tasks.folder).
create table task_attachments (
  task_id uuid not null,
  document_id uuid not null,
  firm_id uuid not null,
  client_id uuid not null,
  added_by text not null,
  added_at timestamptz not null default now(),
  primary key (task_id, document_id),
  foreign key (client_id, task_id) references tasks (client_id, id)
);
select closebook_tenant_rls('task_attachments', 'client_id');

-- What happened to a task, as its drawer shows it (the audit trail keeps the before/after).
create table task_events (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  task_id uuid not null,
  at timestamptz not null default now(),
  actor_id text not null,
  actor_name text not null,
  event text not null,
  detail jsonb,
  foreign key (client_id, task_id) references tasks (client_id, id)
);
create index task_events_task on task_events (task_id, at);
select closebook_tenant_rls('task_events', 'client_id');
