-- The Password Manager (vault): each client's logins, encrypted with envelope encryption
-- (src/modules/vault/crypto-model.ts): a data key per client, wrapped by the master key
-- (VAULT_MASTER_KEY or vault.key in the data dir), seals each entry's username and its secret
-- (password and notes) with AES-256-GCM, the entry id as additional data. Site, address, nickname
-- and tags stay in clear so that they can be searched.

-- When this session last proved its second factor (signing in with it, or verify-current):
-- revealing a vault password needs it within the last few minutes.
alter table sessions add column factor_verified_at timestamptz;

-- The master key's check value (an HMAC of a fixed label): a wrong key refuses to start.
-- Only the server itself reads it, outside any tenant.
create table vault_master (
  id smallint primary key default 1 check (id = 1),
  key_check text not null,
  created_at timestamptz not null default now(),
  rotated_at timestamptz
);
revoke all on vault_master from closebook_app;

-- One row per client that has a vault: its wrapped data key, and whether its own users may use it.
create table vault_clients (
  firm_id uuid not null,
  client_id uuid not null,
  wrapped_key text not null,
  client_access boolean not null default false,
  updated_by text not null,
  updated_by_name text not null,
  updated_at timestamptz not null default now(),
  primary key (client_id),
  foreign key (firm_id, client_id) references clients (firm_id, id)
);

create table vault_entries (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null references vault_clients (client_id),
  site text not null check (length(site) between 1 and 200),
  url text check (length(url) <= 2000),
  nickname text not null default '' check (length(nickname) <= 200),
  tags text[] not null default '{}',
  -- AES-256-GCM under the client's data key ("v1:" + base64url of IV, tag, ciphertext).
  username_sealed text not null,
  secret_sealed text not null,
  -- The credential request (a work task) this entry answered, if any: answered once.
  request_task_id uuid unique,
  created_by text not null,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_by_name text not null,
  updated_at timestamptz not null default now()
);
create index vault_entries_client on vault_entries (client_id, site);

select closebook_tenant_rls('vault_clients', 'client_id');
select closebook_tenant_rls('vault_entries', 'client_id');
