-- Close Tracker (src/modules/close): closing a month e-mails its report package to the client's
-- contacts once the package is made. The month row keeps where that delivery stands (the package
-- it sends, pending / sent / failed, why it failed, who got it); the timeline gets an event for
-- each sending and each failure, so the proof of the close says who was sent what, when.
alter table close_periods
  add column package_id uuid,
  add column package_status text check (package_status in ('pending', 'sent', 'failed')),
  add column package_error text check (char_length(package_error) <= 2000),
  add column package_sent_at timestamptz,
  -- [{ userId, email, messageId, sentAt }] of everyone the package reached so far.
  add column package_recipients jsonb not null default '[]';
-- The package job finds the month it belongs to by the package.
create index close_periods_package on close_periods (package_id) where package_id is not null;

alter table close_period_events drop constraint close_period_events_action_check;
alter table close_period_events add constraint close_period_events_action_check
  check (action in ('assigned', 'status', 'information', 'closed', 'reopened', 'package_sent',
                    'package_failed'));

-- Soft close (ledger periods): a soft-closed month stays open, but an item dated in it is posted on
-- the first day of the next open month with a note (src/modules/ledger/late-items.ts). The months
-- already soft-closed in the Close Tracker become soft-closed periods.
alter table periods drop constraint periods_status_check;
alter table periods add constraint periods_status_check
  check (status in ('open', 'locked', 'soft_closed'));
insert into periods (firm_id, client_id, month, status, changed_by)
select firm_id, client_id, month, 'soft_closed', coalesce(closed_by, 'system')
from close_periods
where status = 'closed' and close_mode = 'soft'
on conflict (client_id, month) do nothing;
