-- Journal entries arrive up to 100,000 in one insert (journal imports). Their two foreign keys —
-- the client, and the entry a reversal undoes — were checked by two trigger calls per inserted
-- row; the same checks now run once per statement over all the rows it wrote (a transition
-- table), with the same locks (key share on the referenced rows) and the same error code (23503).
-- The other direction of each key is kept by triggers too: a client, or an entry, that entries
-- still point at cannot be deleted or have its key changed.
alter table journal_entries drop constraint journal_entries_firm_id_client_id_fkey;
alter table journal_entries drop constraint journal_entries_reverses_entry_id_fkey;

-- Security definer, as a foreign key check: the referenced rows are found whatever row-level
-- security would let the writing role see.
create function journal_entries_check_references() returns trigger language plpgsql
security definer set search_path = public, pg_temp as $$
declare
  bad record;
begin
  perform 1 from clients c
    where (c.firm_id, c.id) in (select distinct n.firm_id, n.client_id from new_entries n)
    for key share of c;
  select n.firm_id, n.client_id into bad from new_entries n
    where not exists (select 1 from clients c where c.firm_id = n.firm_id and c.id = n.client_id)
    limit 1;
  if found then
    raise exception 'journal entry of a client that does not exist'
      using errcode = '23503', table = 'journal_entries',
        detail = format('Key (firm_id, client_id)=(%s, %s) is not present in table "clients".', bad.firm_id, bad.client_id);
  end if;
  perform 1 from journal_entries e
    where e.id in (select n.reverses_entry_id from new_entries n where n.reverses_entry_id is not null)
    for key share of e;
  select n.reverses_entry_id into bad from new_entries n
    where n.reverses_entry_id is not null
      and not exists (select 1 from journal_entries e where e.id = n.reverses_entry_id)
    limit 1;
  if found then
    raise exception 'reversal of a journal entry that does not exist'
      using errcode = '23503', table = 'journal_entries',
        detail = format('Key (reverses_entry_id)=(%s) is not present in table "journal_entries".', bad.reverses_entry_id);
  end if;
  return null;
end $$;

create trigger journal_entries_references_on_insert after insert on journal_entries
  referencing new table as new_entries for each statement execute function journal_entries_check_references();
create trigger journal_entries_references_on_update after update on journal_entries
  referencing new table as new_entries for each statement execute function journal_entries_check_references();

-- An entry that a reversal points at stays (deleting every entry of a client at once, as the purge
-- of a terminated client does, removes both).
create function journal_entries_check_reversed() returns trigger language plpgsql
security definer set search_path = public, pg_temp as $$
begin
  if exists (select 1 from journal_entries e join old_entries o on e.reverses_entry_id = o.id) then
    raise exception 'journal entry is still reversed by another entry'
      using errcode = '23503', table = 'journal_entries';
  end if;
  return null;
end $$;
create trigger journal_entries_reversed_on_delete after delete on journal_entries
  referencing old table as old_entries for each statement execute function journal_entries_check_reversed();

-- A client keeps its entries: it is deleted (or its key changed) only once it has none.
create function clients_check_journal_entries() returns trigger language plpgsql
security definer set search_path = public, pg_temp as $$
begin
  if exists (select 1 from journal_entries e where e.firm_id = old.firm_id and e.client_id = old.id) then
    raise exception 'client still has journal entries'
      using errcode = '23503', table = 'clients',
        detail = format('Key (firm_id, id)=(%s, %s) is still referenced from table "journal_entries".', old.firm_id, old.id);
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;
create trigger clients_journal_entries_on_delete before delete on clients
  for each row execute function clients_check_journal_entries();
create trigger clients_journal_entries_on_key_change before update of firm_id, id on clients
  for each row when (old.firm_id is distinct from new.firm_id or old.id is distinct from new.id)
  execute function clients_check_journal_entries();
