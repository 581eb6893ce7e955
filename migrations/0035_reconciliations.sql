-- Auto Bank Rec (src/modules/reconcile): a bank or card account reconciled against a statement
-- period, the matches between statement (bank) lines and ledger (journal) lines, and the ledger
-- lines a completed reconciliation cleared — locked until an explicit, audited unreconcile.

create table reconciliations (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  bank_account_id uuid not null,
  -- The bank or card account of the chart the bank account is linked to.
  ledger_account_id uuid not null,
  -- The statement the period and balances came from, when one did (else a person typed them).
  statement_id uuid,
  period_from date not null,
  period_to date not null,
  currency text not null,
  -- Minor units of the currency; money into the account positive.
  opening bigint not null,
  closing bigint not null,
  -- in_progress → completed (→ unreconciled, by an explicit audited action; the row stays).
  status text not null check (status in ('in_progress', 'completed', 'unreconciled')),
  -- Ledger lines a person set aside as not on this statement ("entryId:lineNo").
  outstanding text[] not null default '{}',
  -- Raised by every change: a change made against an older version is refused (409).
  version integer not null default 1,
  started_by text not null,
  started_by_name text not null,
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_by text,
  completed_by_name text,
  completed_at timestamptz,
  cleared_balance bigint,
  unreconciled_by text,
  unreconciled_at timestamptz,
  unreconcile_reason text check (length(unreconcile_reason) <= 2000),
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (client_id, bank_account_id) references bank_accounts (client_id, id),
  foreign key (client_id, ledger_account_id) references accounts (client_id, id),
  check (period_from <= period_to),
  check ((status = 'in_progress') = (completed_at is null and unreconciled_at is null)),
  check ((status = 'unreconciled') = (unreconciled_at is not null)),
  unique (client_id, id)
);
-- One reconciliation at a time per bank account: a second person starting one while another is in
-- progress is refused (two inserts racing: the second fails here, and its transaction with it).
create unique index reconciliations_one_in_progress on reconciliations (bank_account_id)
  where status = 'in_progress';
create index reconciliations_account on reconciliations (bank_account_id, period_to desc);

create table reconciliation_matches (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  reconciliation_id uuid not null,
  -- Order of the match on the statement (the engine's order).
  position integer not null check (position >= 0),
  class text not null check (class in ('confident', 'possible')),
  kind text not null check (kind in ('bank-line', 'check', 'amount', 'sum')),
  score real not null check (score between 0 and 1),
  reasons jsonb not null default '[]',
  -- Bank line ids (the statement side) and journal lines as "entryId:lineNo" (the ledger side).
  bank_line_ids text[] not null,
  ledger_line_ids text[] not null,
  -- Confident matches start accepted (by Closebook); possible ones wait for a person.
  status text not null check (status in ('proposed', 'accepted', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  foreign key (client_id, reconciliation_id) references reconciliations (client_id, id) on delete cascade,
  unique (reconciliation_id, position)
);
create index reconciliation_matches_rec on reconciliation_matches (reconciliation_id);

-- The ledger lines a completed reconciliation cleared. A line is cleared at most once; while it is
-- here its entry may not be reversed (the trigger below), so the books stay as reconciled.
create table reconciled_lines (
  firm_id uuid not null,
  client_id uuid not null,
  reconciliation_id uuid not null,
  entry_id uuid not null,
  line_no integer not null,
  date date not null,
  amount bigint not null,
  primary key (client_id, entry_id, line_no),
  foreign key (client_id, reconciliation_id) references reconciliations (client_id, id)
);
create index reconciled_lines_rec on reconciled_lines (reconciliation_id);

-- Locked lines refuse edits: an edit of a posted entry is its reversal (the ledger is append-only),
-- so reversing an entry with a cleared line is refused until that period is unreconciled.
create function reconcile_refuse_reversal() returns trigger language plpgsql as $$
begin
  if exists (
    select 1 from reconciled_lines r where r.client_id = new.client_id and r.entry_id = new.reverses_entry_id
  ) then
    raise exception 'reconcile/line-reconciled: the entry has a line cleared by a completed reconciliation; unreconcile that period first'
      using errcode = '55000';
  end if;
  return new;
end $$;
-- Only reversals call it: bulk postings (100,000 entries from an import) pay nothing.
create trigger journal_entries_reconciled before insert on journal_entries
  for each row when (new.reverses_entry_id is not null) execute function reconcile_refuse_reversal();

select closebook_tenant_rls('reconciliations', 'client_id');
select closebook_tenant_rls('reconciliation_matches', 'client_id');
select closebook_tenant_rls('reconciled_lines', 'client_id');

-- The reconciliation asks which bank line each ledger entry was posted from (transactions.entry_id).
create index transactions_entry on transactions (entry_id) where entry_id is not null;
