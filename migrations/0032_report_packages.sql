-- The Standard Monthly Report Package (src/modules/reports/package-*.ts): each client's package
-- settings, and every package generated — one row per version, with its progress while the job
-- runs and its PDF and XLSX once done.

-- One row per client once someone changes a package setting; until then the defaults of
-- src/modules/reports/package-settings-model.ts apply.
create table report_package_settings (
  client_id uuid primary key,
  firm_id uuid not null,
  -- Which statements the package holds, in the package's order: a subset of
  -- profit-loss, balance-sheet, cash-flow.
  statements text[] not null,
  -- A profit and loss by month for the twelve months ending with the package's month.
  trailing_twelve boolean not null,
  -- Prior-year columns beside the month and the year to date of the profit and loss.
  prior_year boolean not null,
  -- Figures rounded to whole units with the rounding shown (off: to the cent).
  rounding boolean not null,
  -- The preparer's notes, printed on the package's last page.
  notes text not null check (char_length(notes) <= 10000),
  updated_by text not null,
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
select closebook_tenant_rls('report_package_settings', 'client_id');

-- Generated packages. Regenerating a month adds a version; none is ever changed once done. The
-- files are kept in the row (bytea): a package is some tens of kilobytes, and a month has a few
-- versions; moving them to the documents module's storage is for when that module exists.
create table report_packages (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  -- The first day of the package's month.
  month date not null check (extract(day from month) = 1),
  version integer not null check (version >= 1),
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  progress smallint not null default 0 check (progress between 0 and 100),
  -- What the job is doing now ("profit and loss", "PDF"…), for the progress shown.
  stage text,
  error text,
  -- The settings the package was asked with (statements, trailingTwelve, priorYear, rounding, notes).
  options jsonb not null,
  requested_by text not null,
  requested_by_name text not null,
  requested_at timestamptz not null default now(),
  finished_at timestamptz,
  -- The client's ledger version the statements were computed from (ledger_versions).
  ledger_version bigint,
  -- Counts behind the draft warning page: { drafts, draftsEarlier, bankLinesInReview, oldestInReview }.
  warnings jsonb,
  pdf bytea,
  xlsx bytea,
  unique (client_id, month, version),
  check (status <> 'done' or (pdf is not null and xlsx is not null and ledger_version is not null)),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
select closebook_tenant_rls('report_packages', 'client_id');
create index report_packages_client_requested on report_packages (client_id, requested_at desc);
