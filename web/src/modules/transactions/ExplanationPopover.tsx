// "Why?" on a transaction: the explanation the bot recorded with its prediction (rule, history,
// model), how sure it was, which method and model version, the past lines behind it, and its history.
import { ActionIcon, Anchor, Badge, Divider, Group, Loader, Popover, Stack, Text } from "@mantine/core";
import { IconBulb } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { transactionsApi, type Transaction } from "../../api/transactions.ts";
import { Amount } from "../../components/Amount.tsx";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { Link } from "../../router/router.tsx";
import { ConfidenceMark } from "./ConfidenceMark.tsx";

const METHOD: Record<string, string> = {
  rule: "Rule",
  memory: "This client's history",
  client_model: "This client's model",
  global_model: "The firm's model",
  default: "Default account",
};

const ACTION: Record<string, string> = {
  "transactions.transaction.edited": "Edited",
  "transactions.transaction.split": "Split",
  "transactions.transaction.reviewed": "Reviewed",
};

export function ExplanationPopover({
  client,
  t,
  accountName,
}: {
  client: string;
  t: Transaction;
  accountName: (id: string | null) => string;
}) {
  return (
    <Popover width={380} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Why: ${t.description}`}>
          <IconBulb size={16} stroke={1.6} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Details client={client} t={t} accountName={accountName} />
      </Popover.Dropdown>
    </Popover>
  );
}

function Details({
  client,
  t,
  accountName,
}: {
  client: string;
  t: Transaction;
  accountName: (id: string | null) => string;
}) {
  const detail = useQuery({
    queryKey: ["transaction", client, t.id],
    queryFn: () => transactionsApi.get(client, t.id),
  });
  const p = t.prediction;
  return (
    <Stack gap={6} role="dialog" aria-label="Why this coding">
      <Group justify="space-between" wrap="nowrap">
        <Badge variant="light" color="gray" tt="none">
          {METHOD[p.method ?? "default"] ?? p.method}
        </Badge>
        <ConfidenceMark band={p.band} confidence={p.confidence} />
      </Group>
      <Text size="sm">{p.explanation ?? "No prediction was made for this line."}</Text>
      {p.coding.accountId && p.coding.accountId !== t.coding.accountId && (
        <Text size="xs" c="dimmed">
          The bot suggested {accountName(p.coding.accountId)}.
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t.statusReason}
        {p.modelVersion ? ` · model ${p.modelVersion}` : ""}
      </Text>
      {detail.isPending && <Loader size="xs" />}
      {detail.data && detail.data.similar.length > 0 && (
        <>
          <Divider label="Similar past lines" labelPosition="left" />
          {detail.data.similar.map((s) => (
            <Group key={s.id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="xs" truncate>
                {formatDate(s.date)} · {s.description}
              </Text>
              <Amount value={s.amount} size="xs" />
            </Group>
          ))}
        </>
      )}
      {detail.data && detail.data.history.length > 0 && (
        <>
          <Divider label="History" labelPosition="left" />
          {detail.data.history.map((h, i) => (
            <Text key={i} size="xs" c="dimmed">
              {ACTION[h.action] ?? h.action} · {formatDateTime(h.at)}
            </Text>
          ))}
        </>
      )}
      {t.entryId && (
        <Anchor component={Link} href={`/c/${client}/ledger/entries/${t.entryId}`} size="xs">
          Open the journal entry
        </Anchor>
      )}
    </Stack>
  );
}
