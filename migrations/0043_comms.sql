-- Comments (src/modules/comms): a thread per commented object (a task, document, transaction,
-- journal entry or reconciliation of a client), each comment visible to the firm only or to the
-- firm and the client. A comment's current text lives on its row; every text it ever had, and its
-- deletion, is a row of comment_versions, which is append-only (edits add a version).

create table comments (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  object_kind text not null
    check (object_kind in ('task', 'document', 'transaction', 'journal_entry', 'reconciliation')),
  object_id uuid not null,
  -- A user id, or "system" for comments the demo or a script writes.
  author_id text not null check (char_length(author_id) <= 100),
  author_name text not null check (char_length(author_name) <= 200),
  visibility text not null check (visibility in ('firm', 'client')),
  -- Plain text as written: markup is never interpreted (the portal renders it as text).
  body text not null check (char_length(body) between 1 and 10000),
  -- The people the comment mentions who were told (ids of users who may see it).
  mentions text[] not null default '{}',
  -- Documents of the same client attached to the comment.
  attachments text[] not null default '{}',
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null,
  edited_at timestamptz,
  deleted_at timestamptz,
  foreign key (firm_id, client_id) references clients (firm_id, id),
  unique (client_id, id)
);
create index comments_object on comments (client_id, object_kind, object_id, created_at);
select closebook_tenant_rls('comments', 'client_id');

create table comment_versions (
  comment_id uuid not null,
  firm_id uuid not null,
  client_id uuid not null,
  version integer not null check (version >= 1),
  action text not null check (action in ('created', 'edited', 'deleted')),
  body text not null,
  visibility text not null check (visibility in ('firm', 'client')),
  attachments text[] not null default '{}',
  by_user text not null check (char_length(by_user) <= 100),
  by_name text not null,
  at timestamptz not null,
  primary key (comment_id, version),
  foreign key (client_id, comment_id) references comments (client_id, id)
);
select closebook_tenant_rls('comment_versions', 'client_id');

-- The history is kept: a version is never changed (the purge of a terminated client deletes rows,
-- it never updates them).
create function comment_versions_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'comment versions are append-only' using errcode = '55000';
end $$;
create trigger comment_versions_no_update before update on comment_versions
  for each row execute function comment_versions_immutable();
