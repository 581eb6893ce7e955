-- One truth for a currency's decimals (issue 11 item 9): a transaction's amounts — `amount` and the
-- minor units in `split` and `predicted_split` — are minor units at `scale`, the decimals the
-- client's ledger keeps the transaction's currency at, so that what the Transaction Manager shows
-- and what it posts are the ledger's own figures. Transactions made before kept their bank line's
-- minor units at the currency's ISO 4217 scale; that is what they are marked with here, and posting
-- one rescales it exactly to the ledger's scale (platform/money.ts rescale).
alter table transactions add column scale smallint not null default 2;
update transactions set scale = 0
  where currency in ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF');
update transactions set scale = 3 where currency in ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND');
update transactions set scale = 4 where currency in ('CLF', 'UYW');
alter table transactions alter column scale drop default;
alter table transactions add constraint transactions_scale_range check (scale between 0 and 12);
