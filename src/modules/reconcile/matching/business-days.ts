// Day arithmetic for matching: dates as day numbers and business-day numbers, so "how far apart"
// is one subtraction. Weekends count as the following Monday (a bank books Saturday's card charge
// on Monday); public holidays are not known here and count as business days.

const cache = new Map<string, number>();

/** Days since 1970-01-01 of a YYYY-MM-DD date (memoized: statements repeat their dates). */
export function dayNumber(date: string): number {
  let n = cache.get(date);
  if (n === undefined) {
    n = Math.floor(
      Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
        86_400_000,
    );
    if (cache.size > 100_000) cache.clear();
    cache.set(date, n);
  }
  return n;
}

/** Monday-based weekday of a day number: 0 Monday … 6 Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Business days since an arbitrary origin; Saturday and Sunday share the next Monday's number. */
export function businessDayNumber(day: number): number {
  const weeks = Math.floor((day + 3) / 7);
  return weeks * 5 + Math.min(weekday(day), 5);
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The date `n` business days after (or before, n < 0) `date`, landing on a weekday. */
export function addBusinessDays(date: string, n: number): string {
  let day = dayNumber(date);
  while (weekday(day) > 4) day++;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (weekday(day) <= 4) left--;
  }
  return dateOfDay(day);
}
