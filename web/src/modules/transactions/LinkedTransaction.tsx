// The transaction a link names (a notification's "?transaction=…") when it is not among the rows
// the Transaction Manager lists (another tab, page or filter): shown on its own above the list,
// highlighted, with its comments open.
import { Paper, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { transactionsApi } from "../../api/transactions.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import type { useAccounts } from "./lookups.ts";
import { TransactionRow } from "./TransactionRow.tsx";

export function LinkedTransaction({
  client,
  id,
  accounts,
  onChanged,
  onError,
  onMessage,
  onDone,
}: {
  client: string;
  id: string;
  accounts: ReturnType<typeof useAccounts>;
  onChanged: () => void;
  onError: (error: unknown) => void;
  onMessage: (text: string) => void;
  onDone: () => void;
}) {
  const linked = useQuery({
    queryKey: ["transaction", client, id],
    queryFn: () => transactionsApi.get(client, id),
  });
  if (linked.error) return <ProblemAlert error={linked.error} onClose={onDone} />;
  if (!linked.data) return null;
  return (
    <Paper withBorder radius="md" mb="md" p="xs" aria-label="Linked transaction">
      <Text size="xs" c="dimmed" mb={4}>
        The transaction from your link (it is not among the transactions listed below)
      </Text>
      <Table verticalSpacing={4} fz="sm">
        <Table.Tbody>
          <TransactionRow
            client={client}
            t={linked.data}
            accounts={accounts.options}
            accountName={accounts.name}
            selected={false}
            onSelect={() => undefined}
            onChanged={onChanged}
            onError={onError}
            onMessage={onMessage}
            linked
            onLinkDone={onDone}
          />
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
