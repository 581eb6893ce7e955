-- Tenancy: firms and their clients. Every business row below carries firm_id (and client_id).

create table firms (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
);

create table clients (
  id uuid primary key,
  firm_id uuid not null references firms (id),
  slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null check (length(name) between 1 and 200),
  home_currency text not null default 'USD' check (home_currency ~ '^[A-Z]{3}$'),
  status text not null default 'active' check (status in ('active', 'terminated')),
  created_at timestamptz not null default now(),
  unique (firm_id, slug),
  unique (firm_id, id)
);
