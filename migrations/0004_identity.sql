-- Identity: the people who sign in (one firm each), their passwords and second factors, sessions,
-- sign-in challenges, invitations, password resets, API tokens, attempt throttles and per-firm SSO.
-- Every secret is stored hashed (argon2id for passwords, HMAC for tokens and codes) or encrypted
-- (TOTP and SSO client secrets, with the server key): see src/platform/secrets.ts.

create table users (
  id uuid primary key,
  firm_id uuid not null references firms (id),
  email text not null check (email = lower(email) and length(email) between 3 and 320),
  name text not null default '' check (length(name) <= 200),
  phone text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  status text not null check (status in ('invited', 'active', 'deactivated')),
  password_hash text,
  password_changed_at timestamptz,
  twofa_method text check (twofa_method in ('totp', 'email', 'sms')),
  totp_secret text,
  -- The last TOTP time step accepted: a code is never accepted twice.
  totp_last_step bigint,
  twofa_enrolled_at timestamptz,
  sso_subject text,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deactivated_at timestamptz,
  unique (firm_id, id),
  check ((twofa_method = 'totp') = (totp_secret is not null))
);
-- One account per address across firms: sign-in starts from the e-mail alone.
create unique index users_email on users (email);
create unique index users_sso_subject on users (firm_id, sso_subject) where sso_subject is not null;

create table recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  firm_id uuid not null,
  code_hash text not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (user_id, code_hash)
);

create table sessions (
  id uuid primary key,
  firm_id uuid not null,
  user_id uuid not null references users (id),
  token_hash text not null unique,
  csrf_token text not null,
  -- How the person proved who they are: "password+totp", "password+email", "sso", "sso+sms"…
  auth_method text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- The absolute timeout; the idle timeout is counted from last_seen_at.
  expires_at timestamptz not null,
  -- The current second factor was proven again until then (needed to switch methods).
  stepped_up_until timestamptz,
  revoked_at timestamptz,
  user_agent text,
  ip text,
  foreign key (firm_id, user_id) references users (firm_id, id)
);
create index sessions_user on sessions (user_id) where revoked_at is null;

-- A sign-in between its first and second factor, a first enrolment, or a change of method made
-- while signed in (then tied to the session instead of a cookie of its own).
create table auth_challenges (
  id uuid primary key,
  firm_id uuid not null,
  user_id uuid not null,
  token_hash text unique,
  session_id uuid references sessions (id),
  purpose text not null check (purpose in ('sign-in', 'enrol', 'verify-current', 'change')),
  -- How the first factor was proven: "password", "sso" or "invitation".
  first_factor text not null,
  method text check (method in ('totp', 'email', 'sms')),
  code_hash text,
  code_expires_at timestamptz,
  pending_secret text,
  pending_phone text,
  attempts integer not null default 0,
  sends integer not null default 0,
  last_sent_at timestamptz,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  consumed_at timestamptz,
  foreign key (firm_id, user_id) references users (firm_id, id),
  check ((token_hash is null) <> (session_id is null))
);
create index auth_challenges_user on auth_challenges (user_id) where consumed_at is null;

create table invitations (
  id uuid primary key,
  firm_id uuid not null,
  user_id uuid not null,
  token_hash text not null unique,
  invited_by text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz,
  foreign key (firm_id, user_id) references users (firm_id, id)
);
create index invitations_user on invitations (user_id);

create table password_resets (
  id uuid primary key,
  firm_id uuid not null,
  user_id uuid not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  foreign key (firm_id, user_id) references users (firm_id, id)
);

create table api_tokens (
  id uuid primary key,
  firm_id uuid not null references firms (id),
  client_id uuid,
  role text not null check (role in ('partner_admin', 'partner_ops', 'client_admin', 'client_ops', 'client_self_service')),
  name text not null check (length(name) between 1 and 100),
  token_hash text not null unique,
  -- The first characters of the token, to recognise it in a list.
  prefix text not null,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz,
  foreign key (firm_id, client_id) references clients (firm_id, id),
  foreign key (firm_id, created_by) references users (firm_id, id)
);

-- Attempt counters for throttling and temporary lockout, keyed by what they protect
-- ("sign-in:user:<id>", "sign-in:ip:<ip>", "2fa:user:<id>", "send:user:<id>"…).
create table auth_throttles (
  key text primary key,
  window_start timestamptz not null,
  count integer not null default 0,
  failures integer not null default 0,
  locked_until timestamptz
);

create table sso_configs (
  firm_id uuid primary key references firms (id),
  issuer_url text not null,
  client_id text not null,
  client_secret text,
  default_role text not null check (default_role in ('partner_admin', 'partner_ops')),
  default_client_access text not null default 'none' check (default_client_access in ('all', 'none')),
  require_sso boolean not null default false,
  idp_enforces_mfa boolean not null default false,
  updated_by text not null,
  updated_at timestamptz not null default now()
);

-- An e-mail domain routes to one firm's identity provider.
create table sso_domains (
  domain text primary key check (domain = lower(domain)),
  firm_id uuid not null references sso_configs (firm_id) on delete cascade
);

-- An SSO sign-in in flight: state, nonce and PKCE verifier between the redirect and the callback.
create table sso_logins (
  id uuid primary key,
  firm_id uuid not null references firms (id),
  state_hash text not null unique,
  nonce text not null,
  code_verifier text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  consumed_at timestamptz
);
