-- The general ledger: chart of accounts, currencies, contacts, dimensions, journal entries,
-- monthly periods and monthly balance buckets. Posted entries and their lines are append-only.

create table currencies (
  firm_id uuid not null,
  client_id uuid not null,
  -- An ISO code for bank money, or any commodity symbol of an imported journal ("$", "VACHR", "").
  code text not null check (length(code) <= 64),
  scale integer not null check (scale between 0 and 18),
  -- How a plain-text journal wrote amounts of this commodity (side, spacing, marks), for export.
  display jsonb,
  created_at timestamptz not null default now(),
  primary key (client_id, code),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);

create table accounts (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  number text,
  name text not null check (length(name) between 1 and 200),
  full_name text not null,
  type text not null check (type in ('asset', 'liability', 'equity', 'income', 'expense')),
  detail_type text not null,
  parent_id uuid references accounts (id),
  normal_balance text not null check (normal_balance in ('debit', 'credit')),
  is_active boolean not null default true,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  unique (client_id, full_name),
  unique (client_id, id)
);
create unique index accounts_number on accounts (client_id, number) where number is not null;

create table contacts (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  kind text not null check (kind in ('vendor', 'customer', 'employee', 'other')),
  name text not null check (length(name) between 1 and 200),
  email text,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  unique (client_id, kind, name),
  unique (client_id, id)
);

create table dimensions (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  kind text not null check (kind in ('class', 'department', 'location', 'project')),
  name text not null check (length(name) between 1 and 200),
  parent_id uuid references dimensions (id),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  unique (client_id, kind, name),
  unique (client_id, id)
);

-- Human entry numbers, one sequence per client.
create table client_sequences (
  client_id uuid not null,
  name text not null,
  next_value bigint not null default 1,
  primary key (client_id, name)
);

create table journal_entries (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  number bigint not null,
  date date not null,
  description text not null default '',
  reference text,
  status text not null check (status in ('draft', 'posted')),
  source text not null default 'manual',
  reverses_entry_id uuid references journal_entries (id),
  comment text,
  -- Lines of a draft (validated again when it is posted). Posted lines live in journal_lines.
  draft_lines jsonb,
  created_by text not null,
  created_at timestamptz not null default now(),
  posted_at timestamptz,
  foreign key (firm_id, client_id) references clients (firm_id, id),
  unique (client_id, number),
  check ((status = 'draft') = (draft_lines is not null))
);
create index journal_entries_client_date on journal_entries (client_id, date);
-- An entry is reversed at most once.
create unique index journal_entries_one_reversal on journal_entries (reverses_entry_id) where reverses_entry_id is not null;

-- Lines are written in bulk (imports post 100,000 entries at a time), so they carry no foreign
-- keys: the posting service checks every account, currency, contact and dimension against the
-- client inside the posting transaction (ledger/model.ts checkEntry), and lines are append-only.
create table journal_lines (
  entry_id uuid not null,
  line_no integer not null,
  firm_id uuid not null,
  client_id uuid not null,
  date date not null,
  account_id uuid not null,
  amount bigint not null,
  currency text not null,
  cost_amount bigint,
  cost_currency text,
  -- Generated to keep each currency balanced (equity conversion, rounding, virtual counterpart);
  -- left out when the ledger is exported as a plain-text journal.
  is_conversion boolean not null default false,
  -- A plain-text journal's unbalanced virtual posting, "(account)"; exported as written.
  is_virtual boolean not null default false,
  contact_id uuid,
  class_id uuid,
  department_id uuid,
  location_id uuid,
  project_id uuid,
  memo text,
  primary key (entry_id, line_no),
  check ((cost_amount is null) = (cost_currency is null))
);
create index journal_lines_account_date on journal_lines (client_id, account_id, date);

-- Monthly balance buckets per account and currency, maintained in the posting transaction, so
-- that a trial balance reads buckets instead of rescanning every line.
create table account_balances (
  firm_id uuid not null,
  client_id uuid not null,
  account_id uuid not null,
  currency text not null,
  month date not null,
  debit bigint not null default 0,
  credit bigint not null default 0,
  primary key (client_id, account_id, currency, month)
);

-- Months are open unless a row says they are locked.
create table periods (
  firm_id uuid not null,
  client_id uuid not null,
  month date not null check (extract(day from month) = 1),
  status text not null check (status in ('open', 'locked')),
  changed_by text not null,
  changed_at timestamptz not null default now(),
  primary key (client_id, month),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);

-- Append-only: a posted entry and its lines are never changed or removed; corrections reverse.
create function ledger_posted_immutable() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'journal_entries' then
    if old.status = 'posted' then
      raise exception 'posted journal entry % is append-only; reverse it instead', old.id using errcode = '55000';
    end if;
    if tg_op = 'UPDATE' then return new; end if;
    return old;
  end if;
  raise exception 'journal lines are append-only; reverse the entry instead' using errcode = '55000';
end $$;
create trigger journal_entries_append_only before update or delete on journal_entries
  for each row execute function ledger_posted_immutable();
create trigger journal_lines_append_only before update or delete on journal_lines
  for each row execute function ledger_posted_immutable();
