-- The Transaction Manager at a million lines per client (issue 11): the count of each tab read from a
-- small table of counts instead of counting every row, and indexes that let each tab and filter read
-- its first page newest first without sorting the client's whole history.

-- How many transactions each bank account of a client has in each status. Statement-level triggers
-- on transactions add one row of changes per (bank account, status) a statement touched — appended,
-- never updated in place, so writers (an import, two reviewers) never wait on each other's counts;
-- the Transaction Manager sums them, and folds a client's rows into one per (bank account, status)
-- once there are many (src/modules/transactions/count-store.ts).
create table transaction_counts (
  firm_id uuid not null,
  client_id uuid not null,
  bank_account_id uuid not null,
  status text not null,
  n bigint not null
);
create index transaction_counts_client on transaction_counts (client_id, bank_account_id, status);

create function transactions_count_inserted() returns trigger language plpgsql as $$
begin
  insert into transaction_counts (firm_id, client_id, bank_account_id, status, n)
  select firm_id, client_id, bank_account_id, status, count(*) from new_rows group by 1, 2, 3, 4;
  return null;
end $$;

create function transactions_count_updated() returns trigger language plpgsql as $$
begin
  insert into transaction_counts (firm_id, client_id, bank_account_id, status, n)
  select firm_id, client_id, bank_account_id, status, sum(d)
  from (
    select firm_id, client_id, bank_account_id, status, -1 as d from old_rows
    union all
    select firm_id, client_id, bank_account_id, status, 1 as d from new_rows
  ) c
  group by 1, 2, 3, 4
  having sum(d) <> 0;
  return null;
end $$;

-- The purge of a terminated client deletes its counts with its transactions (in either order).
create function transactions_count_deleted() returns trigger language plpgsql as $$
begin
  insert into transaction_counts (firm_id, client_id, bank_account_id, status, n)
  select firm_id, client_id, bank_account_id, status, -count(*) from old_rows
  where client_id::text is distinct from nullif(current_setting('closebook.purging_client', true), '')
  group by 1, 2, 3, 4;
  return null;
end $$;

create trigger transactions_count_inserted after insert on transactions
  referencing new table as new_rows for each statement execute function transactions_count_inserted();
create trigger transactions_count_updated after update on transactions
  referencing old table as old_rows new table as new_rows
  for each statement execute function transactions_count_updated();
create trigger transactions_count_deleted after delete on transactions
  referencing old table as old_rows for each statement execute function transactions_count_deleted();

insert into transaction_counts (firm_id, client_id, bank_account_id, status, n)
select firm_id, client_id, bank_account_id, status, count(*) from transactions group by 1, 2, 3, 4;

select closebook_tenant_rls('transaction_counts', 'client_id');

-- Pages are newest first (date desc, id desc). The Processed and Excluded tabs read
-- transactions_tab (0021); Needs Review (needs_review and held) reads its own partial index, the All
-- tab and the filters by bank account or amount theirs. Row-level security lets only leakproof
-- comparisons (=, <, >= on uuid, date, int8) use an index, so the queries are written with those.
create index transactions_needs_review on transactions (client_id, date desc, id desc)
  where status in ('needs_review', 'held');
create index transactions_all on transactions (client_id, date desc, id desc);
create index transactions_bank_account on transactions (client_id, bank_account_id, date desc, id desc);
create index transactions_amount on transactions (client_id, amount);
