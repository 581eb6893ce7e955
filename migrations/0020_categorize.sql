-- Categorization, persisted: rules as data, each client's AI settings, the mapping of its chart to
-- the standard category taxonomy, the firm's transaction memory (recency-weighted vote tallies) and
-- trained models with their versions. The pure engine lives in src/modules/categorize.

create table categorize_rules (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  match text not null check (match in ('all', 'any')),
  -- The engine's Condition[] and RuleActions (src/modules/categorize/rules.ts); accounts are ids.
  conditions jsonb not null,
  actions jsonb not null,
  enabled boolean not null default true,
  -- Bumped on every edit and recorded with the predictions the rule makes.
  version integer not null default 1 check (version >= 1),
  -- manual: written in the Rules page; correction: made from a reviewer's correction in one click.
  origin text not null check (origin in ('manual', 'correction')),
  source_transaction_id uuid,
  created_by text not null,
  created_by_name text not null,
  updated_by text not null,
  updated_by_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  unique (client_id, id)
);
create index categorize_rules_client on categorize_rules (client_id, created_at);

-- One row per client once someone changes a setting; until then the defaults of
-- src/modules/categorize/settings-model.ts apply.
create table ai_settings (
  client_id uuid primary key,
  firm_id uuid not null,
  -- Training window: only labelled lines dated inside it teach the models (open ends allowed).
  training_from date,
  training_to date,
  -- Accounts never learned from ("Ask My Accountant", suspense), as ledger account ids.
  excluded_account_ids jsonb not null default '[]',
  -- Minor units of the client's home currency; at or above it a line always needs review.
  materiality bigint check (materiality is null or materiality > 0),
  -- Confidence bands in hundredths of a percent (9800 = 98%).
  high_confidence integer not null default 9800 check (high_confidence between 1 and 10000),
  medium_confidence integer not null default 9000 check (medium_confidence between 1 and 10000),
  -- Low confidence: post to the default account (and review), or hold unposted for review.
  low_confidence text not null default 'post_default' check (low_confidence in ('post_default', 'hold')),
  default_expense_account_id uuid,
  default_income_account_id uuid,
  default_payee_contact_id uuid,
  default_assignee_id text,
  -- Who last changed each setting and when: { "<setting>": { "by", "name", "at" } }.
  updated jsonb not null default '{}',
  updated_by text not null,
  updated_by_name text not null,
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  check (training_from is null or training_to is null or training_from <= training_to),
  check (medium_confidence <= high_confidence)
);

-- The taxonomy category of a client's account, where someone set it; accounts of the default chart
-- without a row use the default mapping. A row with a null category takes the account out of
-- firm-wide learning.
create table account_categories (
  firm_id uuid not null,
  client_id uuid not null,
  account_id uuid not null,
  category text check (category ~ '^[a-z]+(\.[a-z]+)?$'),
  updated_by text not null,
  updated_by_name text not null,
  updated_at timestamptz not null default now(),
  primary key (client_id, account_id),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, account_id) references accounts (client_id, id)
);

-- Transaction memory: one tally per key (the engine's memoryKey: client+merchant, client+brand,
-- client overall, account→class, and firm-wide merchant→category). Corrections update the few
-- tallies they touch at once; a full training rewrites the firm's tallies.
create table categorize_memory (
  firm_id uuid not null,
  -- Null for the firm-wide tallies, which every client of the firm learns from.
  client_id uuid,
  key text not null,
  tally jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (firm_id, key)
);
create index categorize_memory_client on categorize_memory (client_id) where client_id is not null;

-- Per client: how many lines memory has learned (part of the memory version) and corrections
-- waiting for the client's next model training (one queued training job at a time).
create table categorize_state (
  client_id uuid primary key,
  firm_id uuid not null,
  learned bigint not null default 0,
  pending_corrections integer not null default 0,
  training_queued boolean not null default false,
  foreign key (firm_id, client_id) references clients (firm_id, id)
);

-- Trained models, every version kept. The firm-wide part (client_id null) holds the global model
-- over taxonomy categories, the combiner and the confidence calibration; a client part holds that
-- client's own model. State is the engine's JSON (weights as base64 float32), gzipped.
create table categorize_models (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid,
  version text not null,
  -- The firm training this model belongs to (client retrains keep the generation they refit).
  generation integer not null check (generation >= 0),
  state bytea not null,
  rows integer not null check (rows >= 0),
  trained_through date,
  held_out jsonb,
  is_current boolean not null,
  trained_by text not null,
  trained_by_name text not null,
  trained_at timestamptz not null default now()
);
create unique index categorize_models_current
  on categorize_models (firm_id, coalesce(client_id, '00000000-0000-0000-0000-000000000000'::uuid))
  where is_current;
create index categorize_models_history on categorize_models (firm_id, client_id, trained_at desc);

select closebook_tenant_rls('categorize_rules', 'client_id');
select closebook_tenant_rls('ai_settings', 'client_id');
select closebook_tenant_rls('account_categories', 'client_id');
select closebook_tenant_rls('categorize_state', 'client_id');

-- Firm-wide rows (client_id null) belong to every client of the firm: predictions for any client
-- read them and corrections from any client update them. Client rows keep the client wall.
do $$
declare
  tbl text;
  rule text := 'firm_id = (select closebook_firm()) and (client_id is null or (select closebook_all_clients())'
    || ' or client_id = any ((select closebook_client_ids())::uuid[]))';
begin
  foreach tbl in array array['categorize_memory', 'categorize_models'] loop
    execute format('alter table %I enable row level security', tbl);
    execute format('create policy tenant_isolation on %I using (%s) with check (%s)', tbl, rule, rule);
  end loop;
end $$;
