// JSON that can carry bigint: amounts become decimal strings of minor units.
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}
