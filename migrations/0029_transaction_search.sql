-- Text search in the Transaction Manager at a million lines per client (issue 11). A search is a
-- case-insensitive substring of the description, the payee or the bank's payee (`ilike '%term%'`).
-- A trigram index answers that without reading every line, but requests run as closebook_app under
-- row-level security, and the policies keep non-leakproof operators (the trigram ones, `ilike`)
-- out of index conditions: the app role would still check every line of the client. So the index
-- is read by one reviewed function that runs as the tables' owner and hands back only the ids of
-- matching transactions of a client the caller's session may see; the Transaction Manager then
-- reads those transactions under the ordinary policies (src/modules/transactions/search-store.ts).

-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner without superuser may create it.
-- PGlite loads it from @electric-sql/pglite/contrib/pg_trgm (src/platform/db.ts).
create extension if not exists pg_trgm;

-- One index over the three searched texts, joined by a character no search term can usefully hold
-- (the function below also checks each text on its own, so a term never matches across two).
create index transactions_search on transactions using gin (
  (description || E'\x1f' || coalesce(payee, '') || E'\x1f' || coalesce(bank_payee, '')) gin_trgm_ops
);

-- The newest (date desc, id desc: the list's order) at most p_limit transactions of client
-- p_client_id whose description, payee or bank payee contains p_term, ignoring case; narrowed,
-- when given, to statuses, one bank account, a date range and a range of the amount's size (the
-- filters the list's indexes serve, so that a common term in a narrow list is found without
-- reading all its matches).
--
-- Security: SECURITY DEFINER bypasses row-level security, so the function makes the policies' own
-- test itself, from the same session settings (closebook_firm(), closebook_all_clients(),
-- closebook_client_ids() of migration 0007): without a firm in the session, or for a client the
-- session may not see, it raises insufficient_privilege instead of answering; and it reads only
-- rows of that firm and client. It returns ids, nothing else of the rows; callers read the rows
-- under row-level security, which is a second wall. The search path is pinned (every name below is
-- schema-qualified; pg_temp comes last, so a temporary object cannot stand in for one); values
-- reach the statement as parameters or quoted literals (format %L), never as SQL text. The
-- statement is planned for its actual values each call (EXECUTE), so that the planner chooses
-- between the trigram index (a rare term) and the list's own indexes in page order (a common one).
--
-- A term without the separator matches the joined texts exactly when it matches one of them (a
-- match cannot span the separator it does not contain), so only such a term needs each text
-- checked on its own; leaving that check out keeps the planner's estimate of a match honest.
create function transaction_search_ids(
  p_client_id uuid,
  p_term text,
  p_limit integer,
  p_statuses text[] default null,
  p_bank_account_id uuid default null,
  p_from date default null,
  p_to date default null,
  p_min_size bigint default null,
  p_max_size bigint default null
)
returns setof uuid
language plpgsql stable security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_firm uuid := public.closebook_firm();
  v_pattern text;
  v_sql text;
begin
  if v_firm is null then
    raise exception 'transaction search needs a tenant in the session' using errcode = '42501';
  end if;
  if p_client_id is null
     or not (public.closebook_all_clients() or p_client_id = any (public.closebook_client_ids())) then
    raise exception 'transaction search: client % is not visible to this session', p_client_id
      using errcode = '42501';
  end if;
  if p_term is null or p_term = '' or p_limit is null or p_limit < 1 then
    return;
  end if;
  v_pattern := '%' || replace(replace(replace(p_term, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  v_sql := 'select t.id from public.transactions t where t.firm_id = $1 and t.client_id = $2'
    || $s$ and (t.description || E'\x1f' || coalesce(t.payee, '') || E'\x1f' || coalesce(t.bank_payee, '')) ilike $3$s$;
  if strpos(p_term, E'\x1f') > 0 then
    v_sql := v_sql || ' and (t.description ilike $3 or t.payee ilike $3 or t.bank_payee ilike $3)';
  end if;
  -- Literals, not parameters: the Needs Review index is partial on its statuses.
  if p_statuses is not null then
    v_sql := v_sql || format(' and t.status = any (%L::text[])', p_statuses);
  end if;
  if p_bank_account_id is not null then
    v_sql := v_sql || format(' and t.bank_account_id = %L::uuid', p_bank_account_id);
  end if;
  if p_from is not null then
    v_sql := v_sql || format(' and t.date >= %L::date', p_from);
  end if;
  if p_to is not null then
    v_sql := v_sql || format(' and t.date <= %L::date', p_to);
  end if;
  -- An amount's size (money in and out alike) as two ranges of the signed amount, as the list does.
  if p_min_size is not null or p_max_size is not null then
    v_sql := v_sql || format(
      ' and ((t.amount >= %1$L::int8 and (%2$L::int8 is null or t.amount <= %2$L::int8))'
      ' or ((%2$L::int8 is null or t.amount >= -%2$L::int8) and t.amount <= -%1$L::int8))',
      coalesce(p_min_size, 0), p_max_size);
  end if;
  v_sql := v_sql || ' order by t.date desc, t.id desc limit $4';
  return query execute v_sql using v_firm, p_client_id, v_pattern, p_limit;
end
$$;

revoke all on function transaction_search_ids(uuid, text, integer, text[], uuid, date, date, bigint, bigint) from public;
grant execute on function transaction_search_ids(uuid, text, integer, text[], uuid, date, date, bigint, bigint) to closebook_app;
