// A posted line as memory records it: the normalized merchant and the account's firm-wide category
// beside the coding. Shared by training (which replays history) and learning (one correction).
import { normalized } from "./features.ts";
import type { MemoryObservation } from "./memory.ts";
import type { ChartMapping } from "./taxonomy.ts";
import type { PostedLine } from "./types.ts";

export function observation(line: PostedLine, mapping: ChartMapping): MemoryObservation {
  const merchant = normalized(line.description);
  return {
    id: line.id,
    clientId: line.clientId,
    date: line.date,
    amount: line.amount,
    merchantKey: merchant.key,
    brandKey: merchant.brandKey,
    account: line.coding.account,
    category: mapping.categoryOf(line.clientId, line.coding.account),
    payee: line.coding.payee,
    classId: line.coding.classId,
  };
}
