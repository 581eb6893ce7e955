// How long a deleted document waits in the trash before it is purged, bytes included.
export const TRASH_DAYS = 30;

const DAY = 24 * 60 * 60 * 1000;

/** When a document deleted at `deletedAt` is purged. */
export function purgeAfter(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + TRASH_DAYS * DAY);
}

/** The moment before which deleted documents are due for purging. */
export function purgeCutoff(now: Date): Date {
  return new Date(now.getTime() - TRASH_DAYS * DAY);
}
