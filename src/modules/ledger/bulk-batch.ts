// How many rows (entries, lines or balance buckets) one bulk statement through unnest carries at most.
export const BATCH = 20_000;
