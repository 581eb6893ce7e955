// Row types of the Activity Hub's own table (migrations/0046_activity.sql); the feed itself is
// the platform's audit_events.

export interface ActivitySeenTable {
  firm_id: string;
  user_id: string;
  /** The audit event id up to which this person has seen the feed. */
  seen_id: bigint;
  seen_at: Date;
}

export interface ActivityTables {
  activity_seen: ActivitySeenTable;
}
