// What a set of posted lines adds to the dimension buckets (migration 0037): per dimension value
// the line carries, its account, the month and the currency it is valued in, the amount at cost.
// Conversion lines are left out, as the reports leave them out. Pure.
import { monthOf } from "../../platform/dates.ts";
import type { LineInput } from "./model.ts";

export const DIMENSION_KINDS = ["class", "department", "location", "project"] as const;
export type BucketDimensionKind = (typeof DIMENSION_KINDS)[number];

const FIELD = {
  class: "classId",
  department: "departmentId",
  location: "locationId",
  project: "projectId",
} as const satisfies Record<BucketDimensionKind, keyof LineInput>;

export interface DimensionDelta {
  kind: BucketDimensionKind;
  dimensionId: string;
  accountId: string;
  /** The cost's currency when the line has a cost, else the line's. */
  currency: string;
  month: string;
  /** Signed minor units: positive is a debit. */
  amount: bigint;
}

export function dimensionDeltas(
  entries: ReadonlyArray<{ date: string; lines: readonly LineInput[] }>,
): DimensionDelta[] {
  const byKey = new Map<string, DimensionDelta>();
  for (const entry of entries) {
    const month = monthOf(entry.date);
    for (const line of entry.lines) {
      if (line.isConversion) continue;
      const currency = line.cost ? line.cost.currency : line.currency;
      const amount = line.cost ? line.cost.amount : line.amount;
      for (const kind of DIMENSION_KINDS) {
        const dimensionId = line[FIELD[kind]];
        if (!dimensionId) continue;
        const key = `${kind}\u0000${dimensionId}\u0000${line.accountId}\u0000${currency}\u0000${month}`;
        const delta = byKey.get(key);
        if (delta) delta.amount += amount;
        else byKey.set(key, { kind, dimensionId, accountId: line.accountId, currency, month, amount });
      }
    }
  }
  return [...byKey.values()];
}
