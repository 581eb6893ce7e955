-- Row-level security: the database's own wall between tenants, behind the services' checks.
-- Requests of signed-in users and API tokens run as the role closebook_app with the session
-- settings closebook.firm_id and closebook.client_ids ("*" = all clients) set by the driver
-- (src/platform/scoped-driver.ts). closebook_app is not the tables' owner and not a superuser, so
-- the policies below apply to it; the owner (migrations, the CLI, jobs, sign-in lookups that come
-- before knowing the tenant) is not subject to them. Without the settings, closebook_app sees nothing.

do $$
begin
  if not exists (select from pg_roles where rolname = 'closebook_app') then
    create role closebook_app nologin;
  end if;
exception when duplicate_object then
  null; -- created meanwhile by a migration of another database on the same server
end $$;

-- The connecting user must be allowed to SET ROLE closebook_app.
do $$
begin
  execute format('grant closebook_app to %I', current_user);
exception when insufficient_privilege or invalid_grant_operation then
  raise notice 'could not grant closebook_app to %: grant it as an administrator', current_user;
end $$;

grant usage on schema public to closebook_app;
grant select, insert, update, delete on all tables in schema public to closebook_app;
grant usage, select on all sequences in schema public to closebook_app;
revoke all on schema_migrations from closebook_app;
-- Tables of later migrations are usable by the app role too (their policies are theirs to add).
alter default privileges in schema public grant select, insert, update, delete on tables to closebook_app;
alter default privileges in schema public grant usage, select on sequences to closebook_app;

create function closebook_firm() returns uuid language sql stable as $$
  select nullif(current_setting('closebook.firm_id', true), '')::uuid
$$;

create function closebook_all_clients() returns boolean language sql stable as $$
  select coalesce(current_setting('closebook.client_ids', true), '') = '*'
$$;

create function closebook_client_ids() returns uuid[] language sql stable as $$
  select case
    when coalesce(current_setting('closebook.client_ids', true), '') in ('', '*') then '{}'::uuid[]
    else string_to_array(current_setting('closebook.client_ids', true), ',')::uuid[]
  end
$$;

-- Enables row-level security on a table with the standard tenant policy: rows of the current firm
-- and, when `client_column` is given, of the clients the current user may see. The settings are
-- read once per statement (the sub-selects become init plans), so bulk inserts pay a comparison
-- per row, not a function call. Later migrations call it for their own tables:
--   select closebook_tenant_rls('bank_lines', 'client_id');
create function closebook_tenant_rls(tbl regclass, client_column text default null, firm_column text default 'firm_id')
returns void language plpgsql as $$
declare
  rule text := format('%I = (select closebook_firm())', firm_column);
begin
  if client_column is not null then
    rule := rule || format(' and ((select closebook_all_clients()) or %I = any ((select closebook_client_ids())::uuid[]))', client_column);
  end if;
  execute format('alter table %s enable row level security', tbl);
  execute format('create policy tenant_isolation on %s using (%s) with check (%s)', tbl, rule, rule);
end $$;

-- Firm-wide tables: the firm wall. (clients stays firm-wide so that a partner user with a chosen
-- list can create a client; the services decide which clients a user sees.)
select closebook_tenant_rls('firms', null, 'id');
select closebook_tenant_rls('clients');
select closebook_tenant_rls('audit_events');
select closebook_tenant_rls('users');
select closebook_tenant_rls('recovery_codes');
select closebook_tenant_rls('sessions');
select closebook_tenant_rls('auth_challenges');
select closebook_tenant_rls('invitations');
select closebook_tenant_rls('password_resets');
select closebook_tenant_rls('api_tokens');
select closebook_tenant_rls('sso_configs');
select closebook_tenant_rls('sso_domains');
select closebook_tenant_rls('sso_logins');
select closebook_tenant_rls('memberships');
select closebook_tenant_rls('membership_clients');
select closebook_tenant_rls('firm_assets');
select closebook_tenant_rls('notifications');
select closebook_tenant_rls('notification_settings');
select closebook_tenant_rls('outbox_messages');

-- A client's books: the firm wall and the client wall.
select closebook_tenant_rls('currencies', 'client_id');
select closebook_tenant_rls('accounts', 'client_id');
select closebook_tenant_rls('contacts', 'client_id');
select closebook_tenant_rls('dimensions', 'client_id');
select closebook_tenant_rls('journal_entries', 'client_id');
select closebook_tenant_rls('journal_lines', 'client_id');
select closebook_tenant_rls('account_balances', 'client_id');
select closebook_tenant_rls('periods', 'client_id');
