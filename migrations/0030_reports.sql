-- Financial reports (src/modules/reports): each client's report settings, an index that lets reports
-- value the ledger at cost from the monthly buckets, and home currencies that are journal commodities.

-- One row per client once someone changes a setting; until then the defaults of
-- src/modules/reports/settings-model.ts apply (fiscal year starting in January).
create table report_settings (
  client_id uuid primary key,
  firm_id uuid not null,
  -- The month (1-12) the client's fiscal year starts on its first day: where the retained-earnings
  -- roll-forward happens and where "year to date" begins.
  fiscal_year_start smallint not null default 1 check (fiscal_year_start between 1 and 12),
  updated_by text not null,
  updated_at timestamptz not null default now(),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);
select closebook_tenant_rls('report_settings', 'client_id');

-- Reports count each line at its recorded cost and leave out the generated conversion lines (as
-- `hledger -B` does). The monthly buckets hold native amounts of every line, so a report reads the
-- buckets and corrects them with the few lines that carry a cost or are conversions: this index
-- finds those without scanning the rest.
create index journal_lines_valued on journal_lines (client_id, date)
  where cost_currency is not null or is_conversion;

-- A client's home currency is the commodity its reports are in. A journal import takes the
-- journal's most used commodity, which need not be an ISO code ("$", "EUR", "hours", or hledger's
-- commodity of bare numbers, "").
alter table clients drop constraint clients_home_currency_check;
alter table clients add constraint clients_home_currency_check
  check (char_length(home_currency) <= 40 and home_currency !~ '[[:cntrl:]]');
