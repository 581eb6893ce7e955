-- Notifications (the bell, per-event settings, digests) and the outbox of outgoing messages.

create table notifications (
  id uuid primary key,
  firm_id uuid not null,
  user_id uuid not null,
  client_id uuid,
  event text not null,
  title text not null check (length(title) <= 300),
  body text not null default '' check (length(body) <= 4000),
  link text check (length(link) <= 1000),
  created_at timestamptz not null default now(),
  read_at timestamptz,
  -- Shown in the bell (false when the person wants this event by e-mail only).
  in_app boolean not null default true,
  -- Waiting for the user's daily or weekly e-mail digest, until digested_at.
  digest text check (digest in ('daily', 'weekly')),
  digested_at timestamptz,
  foreign key (firm_id, user_id) references users (firm_id, id)
);
create index notifications_user on notifications (user_id, created_at desc) where in_app;
create index notifications_digest on notifications (digest, created_at) where digest is not null and digested_at is null;

create table notification_settings (
  user_id uuid not null,
  firm_id uuid not null,
  event text not null,
  in_app boolean not null,
  email text not null check (email in ('off', 'instant', 'daily', 'weekly')),
  updated_at timestamptz not null default now(),
  primary key (user_id, event),
  foreign key (firm_id, user_id) references users (firm_id, id)
);

-- Outgoing e-mail and texts kept for reading in the portal while no mail server is configured.
create table outbox_messages (
  id uuid primary key,
  firm_id uuid references firms (id),
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null,
  subject text not null default '',
  body text not null,
  kind text not null,
  created_at timestamptz not null default now()
);
create index outbox_messages_firm on outbox_messages (firm_id, created_at desc);
create index outbox_messages_recipient on outbox_messages (recipient, created_at desc);
