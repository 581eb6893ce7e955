-- Activity Hub (src/modules/activity): the firm's feed is read straight from the audit trail, so
-- this migration adds no copy of any event, only what reading the trail newest-first needs, and
-- each person's read marker.

-- Newest first, by the trail's own id (the feed's cursor): the whole firm, one client, one kind of
-- event (its actions) firm-wide or for one client, and one person's doings. Client ids are uuids,
-- unique across firms, so the client indexes need no firm column (the firm wall still applies).
create index audit_events_feed on audit_events (firm_id, id desc);
create index audit_events_feed_client on audit_events (client_id, id desc) where client_id is not null;
create index audit_events_feed_action on audit_events (firm_id, action, id desc);
create index audit_events_feed_client_action on audit_events (client_id, action, id desc)
  where client_id is not null;
create index audit_events_feed_actor on audit_events (firm_id, actor_id, id desc);

-- The audit trail's row-level security so far was the firm wall only; the feed shows the trail to
-- client users too, so reading it gets the client wall of every other client table: a row of a
-- client is seen only by those who may see that client (firm-level rows, client_id null, stay
-- firm-wide). Writing keeps the firm wall alone, like the clients table (0007): a partner user
-- with a chosen list who adds a client records its creation before the list holds it.
drop policy tenant_isolation on audit_events;
create policy tenant_isolation on audit_events
  using (
    firm_id = (select closebook_firm())
    and (client_id is null or (select closebook_all_clients())
         or client_id = any ((select closebook_client_ids())::uuid[]))
  )
  with check (firm_id = (select closebook_firm()));

-- What "unread" means: each person has one mark, the id of the newest event they have seen; an
-- event after it (and not their own) is unread. One row per person, moved forward only.
create table activity_seen (
  firm_id uuid not null,
  user_id uuid not null,
  seen_id bigint not null check (seen_id >= 0),
  seen_at timestamptz not null,
  primary key (firm_id, user_id)
);
select closebook_tenant_rls('activity_seen');
