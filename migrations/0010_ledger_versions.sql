-- A counter per client, bumped in every transaction that changes what ledger reports show
-- (posting, reversal, account renames). Servers cache rendered reports by this version, so a
-- repeated trial balance is served without re-reading the balances, and stays correct across
-- several Closebook processes sharing one PostgreSQL.
create table ledger_versions (
  client_id uuid primary key,
  firm_id uuid not null,
  version bigint not null default 0
);
