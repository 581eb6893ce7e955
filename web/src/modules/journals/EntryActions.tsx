// The buttons of one generated entry in the month-end batch: Approve a draft (Partner Admins), Post
// it once approved, Reverse it once posted (a correction: posted entries are never edited). A held
// draft has none: the preparer fixes it and generates the month again.
import { Button, Group } from "@mantine/core";
import { journalsApi, type MonthBatch } from "../../api/journals.ts";
import { useCan } from "../../app/session.tsx";

type Item = MonthBatch["items"][number];

export function EntryActions({
  item,
  busy,
  onAction,
}: {
  item: Item;
  busy: boolean;
  onAction: (run: (client: string) => Promise<unknown>) => void;
}) {
  const can = useCan();
  const runId = item.runId;
  if (!runId || item.heldReason) return null;
  const act = (action: "approve" | "post" | "reverse") => () =>
    onAction((client) => journalsApi.runAction(client, runId, action));
  const label = item.sourceName + (item.part === "disposal" ? " (disposal)" : "");
  return (
    <Group gap={4} justify="flex-end">
      {item.state === "draft" && item.entryId && can("journals.approve") && (
        <Button
          size="compact-xs"
          variant="light"
          loading={busy}
          onClick={act("approve")}
          aria-label={`Approve ${label}`}
        >
          Approve
        </Button>
      )}
      {item.state === "approved" && can("journals.view") && (
        <Button size="compact-xs" loading={busy} onClick={act("post")} aria-label={`Post ${label}`}>
          Post
        </Button>
      )}
      {item.state === "posted" && !item.reversalEntryId && can("journals.approve") && (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          loading={busy}
          onClick={act("reverse")}
          aria-label={`Reverse ${label}`}
        >
          Reverse
        </Button>
      )}
    </Group>
  );
}
