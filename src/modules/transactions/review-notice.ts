// What the client's default assignee is told when an import leaves transactions waiting for review
// (PRODUCT.md: "Transactions are waiting for review"). Pure: the job that ran the import sends it.
import type { NotifyInput } from "../notifications/index.ts";
import type { IngestResult } from "./ingest-service.ts";

export function reviewWaitingNotice(firmId: string, result: IngestResult): NotifyInput | null {
  const waiting = result.needsReview + result.held;
  if (waiting === 0 || !result.assigneeId) return null;
  const lines = waiting === 1 ? "1 transaction is" : `${waiting} transactions are`;
  return {
    firmId,
    userIds: [result.assigneeId],
    event: "review.waiting",
    clientId: result.clientId,
    title: `${lines} waiting for review`,
    body: `${lines} waiting for review in ${result.bankAccountName} (${result.clientSlug}).`,
    link: `/c/${result.clientSlug}/transactions`,
  };
}
