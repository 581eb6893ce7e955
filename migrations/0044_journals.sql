-- JE Automation (src/modules/journals): a client's recurring journal entries and schedules
-- (prepaid amortization, depreciation, loan amortization), and one row per entry they gave a
-- month. The ledger keeps the entries themselves (drafts, posted, reversals); a run links an entry
-- to what generated it and the period, and keeps the approval. A run's (source, month, part) is
-- unique, so generating a month twice gives one set of entries.

create table journal_sources (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  kind text not null check (kind in ('recurring', 'prepaid', 'depreciation', 'loan')),
  name text not null check (char_length(name) between 1 and 200),
  -- The model's terms (recurring-model.ts, prepaid-, depreciation-, loan-model.ts), amounts as
  -- strings of minor units.
  terms jsonb not null,
  -- Schedules: the ledger accounts their entries use, by role ("expense", "prepaid", …).
  accounts jsonb not null default '{}',
  auto_post boolean not null default false,
  auto_reverse boolean not null default false,
  active boolean not null default true,
  created_by text not null check (char_length(created_by) <= 100),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  foreign key (firm_id, client_id) references clients (firm_id, id),
  unique (client_id, id)
);
create index journal_sources_client on journal_sources (client_id, kind, name);
select closebook_tenant_rls('journal_sources', 'client_id');

create table journal_runs (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  source_id uuid not null,
  -- The first day of the period the entry is for.
  month date not null check (extract(day from month) = 1),
  -- 'main' is the month's entry; 'disposal' the entry that takes a disposed asset off the books.
  part text not null default 'main' check (part in ('main', 'disposal')),
  state text not null check (state in ('draft', 'approved', 'posted', 'reversed')),
  -- The ledger's entry (null while held with nothing to book) and, for accruals, its reversal.
  entry_id uuid,
  reversal_entry_id uuid,
  -- Why a draft is held (an account was deactivated, the lines no longer balance): the preparer
  -- fixes the recurring entry and generates again.
  held_reason text,
  approved_by text,
  approved_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  foreign key (client_id, source_id) references journal_sources (client_id, id),
  unique (source_id, month, part)
);
create index journal_runs_month on journal_runs (client_id, month);
select closebook_tenant_rls('journal_runs', 'client_id');
