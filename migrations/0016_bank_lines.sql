-- Banking, part 2: statement files as received, the statements they hold (with their balances, for
-- reconciliation), each import run, and the raw bank lines — append-only and idempotent: a line's
-- key (the bank's transaction id, or a fingerprint plus its occurrence within the statement) is
-- unique per bank account, so importing the same lines again adds nothing.

create table statement_files (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  bank_account_id uuid not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  name text not null check (length(name) between 1 and 255),
  format text not null,
  encoding text,
  size integer not null check (size >= 0),
  -- The file exactly as received: it is the source the raw lines point back to.
  bytes bytea not null,
  uploaded_by text not null,
  source text not null check (source in ('upload', 'cli', 'file-drop', 'api')),
  created_at timestamptz not null default now(),
  foreign key (client_id, bank_account_id) references bank_accounts (client_id, id),
  unique (bank_account_id, sha256),
  unique (client_id, id)
);

create table statements (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  bank_account_id uuid not null,
  statement_file_id uuid not null,
  -- Order of the statement in its file (0-based).
  position integer not null check (position >= 0),
  -- The account as the file names it, and its currency.
  account_ref text,
  currency text not null,
  start_date date,
  end_date date,
  -- Dates of the first and last line, for statements (CSV, QIF) that name no period.
  first_line_date date,
  last_line_date date,
  opening_balance bigint,
  closing_balance bigint,
  line_count integer not null check (line_count >= 0),
  source_line integer,
  -- The zip entry the statement came from, for zipped files.
  source_entry text,
  raw jsonb not null default '{}',
  created_at timestamptz not null default now(),
  foreign key (client_id, statement_file_id) references statement_files (client_id, id),
  unique (statement_file_id, position),
  unique (client_id, id)
);
create index statements_account on statements (bank_account_id, end_date);

-- One row per import run (the same file imported twice is two runs), with what it did.
create table bank_imports (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  bank_account_id uuid not null,
  statement_file_id uuid not null,
  source text not null check (source in ('upload', 'cli', 'file-drop', 'api')),
  connection_id uuid,
  imported_by text not null,
  imported_by_name text not null,
  total_lines integer not null,
  new_lines integer not null,
  duplicate_lines integer not null,
  warnings jsonb not null default '[]',
  created_at timestamptz not null default now(),
  foreign key (client_id, statement_file_id) references statement_files (client_id, id),
  check (new_lines + duplicate_lines = total_lines),
  unique (client_id, id)
);
create index bank_imports_account on bank_imports (bank_account_id, created_at desc);

-- Bank lines arrive 100,000 at a time through unnest arrays, so they carry no foreign keys: the
-- import service resolves the bank account, file, statement and import in the same transaction.
create table bank_lines (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  bank_account_id uuid not null,
  statement_file_id uuid not null,
  statement_id uuid not null,
  -- The import that first brought the line in (the Transaction Manager picks new lines up by it).
  import_id uuid not null,
  -- 1-based line in the source file (in the zip entry, for zipped files), when the format has lines.
  source_line integer,
  date date not null,
  -- Minor units at the bank account currency's exponent.
  amount bigint not null,
  currency text not null,
  description text not null,
  payee text,
  reference text,
  bank_transaction_id text,
  -- Hash of (date, amount, normalized description): equal for genuinely identical lines.
  fingerprint text not null,
  -- The 1st, 2nd, … line with this fingerprint (or bank id) within its statement.
  occurrence integer not null check (occurrence >= 1),
  -- What makes a line the same line again: "id:<bank id>#n" or "fp:<fingerprint>#n".
  idem_key text not null,
  -- The parsed transaction and the fields as the bank wrote them.
  fields jsonb not null,
  created_at timestamptz not null default now(),
  unique (bank_account_id, idem_key)
);
create index bank_lines_account_date on bank_lines (bank_account_id, date, id);
create index bank_lines_import on bank_lines (import_id);

-- Raw lines, statements and files are never changed or removed (the purge of a terminated client
-- excepted; see banking_append_only in 0015).
create trigger bank_lines_append_only before update or delete on bank_lines
  for each row execute function banking_append_only();
create trigger statements_append_only before update or delete on statements
  for each row execute function banking_append_only();
create trigger statement_files_append_only before update or delete on statement_files
  for each row execute function banking_append_only();
create trigger bank_imports_append_only before update or delete on bank_imports
  for each row execute function banking_append_only();

select closebook_tenant_rls('statement_files', 'client_id');
select closebook_tenant_rls('statements', 'client_id');
select closebook_tenant_rls('bank_imports', 'client_id');
select closebook_tenant_rls('bank_lines', 'client_id');
