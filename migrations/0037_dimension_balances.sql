-- Monthly buckets per account and dimension value (issue 12): the profit and loss by class,
-- department, location or project reads these instead of every line of the year. Unlike
-- account_balances (native amounts of every line), a bucket holds what the reports count: each
-- line at its recorded cost (cost currency and amount when it has one) and no generated conversion
-- lines, so the by-dimension report needs no correction pass. Only lines that carry the dimension
-- have a bucket; "not set" is the account's whole movement less the values' buckets.
-- Maintained in the posting transaction with account_balances (ledger/bucket-store.ts): posted
-- lines are append-only, and a reversal posts negated lines, so a bucket only ever has amounts added.
create table dimension_balances (
  firm_id uuid not null,
  client_id uuid not null,
  kind text not null check (kind in ('class', 'department', 'location', 'project')),
  month date not null check (extract(day from month) = 1),
  dimension_id uuid not null,
  account_id uuid not null,
  currency text not null,
  -- Signed minor units of `currency`: positive is a debit.
  amount bigint not null,
  primary key (client_id, kind, month, dimension_id, account_id, currency)
);
select closebook_tenant_rls('dimension_balances', 'client_id');

-- The buckets of every line posted before this migration.
insert into dimension_balances (firm_id, client_id, kind, month, dimension_id, account_id, currency, amount)
select l.firm_id, l.client_id, d.kind, date_trunc('month', l.date)::date, d.id, l.account_id,
  coalesce(l.cost_currency, l.currency), sum(coalesce(l.cost_amount, l.amount))
from journal_lines l
cross join lateral (values
  ('class', l.class_id), ('department', l.department_id), ('location', l.location_id), ('project', l.project_id)
) as d(kind, id)
where d.id is not null and not l.is_conversion
group by l.firm_id, l.client_id, d.kind, date_trunc('month', l.date)::date, d.id, l.account_id,
  coalesce(l.cost_currency, l.currency);
