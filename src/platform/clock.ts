// Time, injectable so that tests can fix "today" (period locks, due dates, demo data).
export interface Clock {
  now(): Date;
  /** Today's date as YYYY-MM-DD in UTC. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => new Date().toISOString().slice(0, 10),
};

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at), today: () => at.toISOString().slice(0, 10) };
}
