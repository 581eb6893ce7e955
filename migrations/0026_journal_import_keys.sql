-- Plain-text journal imports: each imported transaction keeps a content fingerprint (numbered by its
-- occurrence in the file, as bank lines are keyed) so importing the same journal again skips what is
-- already there instead of doubling the books.
alter table journal_entries add column import_key text check (length(import_key) <= 100);
create unique index journal_entries_import_key on journal_entries (client_id, import_key)
  where import_key is not null;

-- hledger names the conversion account of an amount written without a commodity with an empty last
-- segment ("equity:conversion:-$:"): such an account's own name is empty. Names people type are
-- still checked (1 to 200 characters) by the chart service.
alter table accounts drop constraint accounts_name_check;
alter table accounts add constraint accounts_name_check check (length(name) <= 200);
