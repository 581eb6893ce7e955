// Automation per bank account: AutoPush, Manual Push or none, and the date it starts from (at most
// 24 months back), with who last changed it. Saving re-runs the account's waiting transactions.
import { useState } from "react";
import { Button, Group, Paper, Select, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { transactionsApi, type Automation, type Mode } from "../../api/transactions.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { accountLabel } from "../../lib/accounts.ts";

export const MODE_LABEL: Record<Mode, string> = {
  auto_push: "AutoPush",
  manual_push: "Manual Push",
  none: "None",
};

export function AutomationPanel({ client }: { client: string }) {
  const q = useQuery({ queryKey: ["automation", client], queryFn: () => transactionsApi.automation(client) });
  return (
    <Paper withBorder radius="md" p="md" mb="lg" component="section" aria-label="Automation per bank account">
      <Title order={3} fz="md" mb={4}>
        Automation per bank account
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        AutoPush posts by confidence; Manual Push predicts but posts nothing until someone marks a transaction
        reviewed; None leaves the account out.
      </Text>
      <QueryState
        query={q}
        isEmpty={(d) => d.length === 0}
        empty="This client has no bank or card accounts yet."
      >
        {(rows) => (
          <Table fz="sm" verticalSpacing={6} aria-label="Bank accounts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Bank account</Table.Th>
                <Table.Th w={170}>Mode</Table.Th>
                <Table.Th w={170}>Start date</Table.Th>
                <Table.Th w={220}>Last updated</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <AutomationRow key={`${a.bankAccountId}:${a.mode}:${a.startDate}`} client={client} a={a} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Paper>
  );
}

function AutomationRow({ client, a }: { client: string; a: Automation }) {
  const qc = useQueryClient();
  const [mode, setMode] = useState<Mode>(a.mode);
  const [start, setStart] = useState(a.startDate ?? "");
  const save = useMutation({
    mutationFn: () =>
      transactionsApi.setAutomation(client, a.bankAccountId, { mode, startDate: start || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["automation", client] });
      void qc.invalidateQueries({ queryKey: ["transactions", client] });
    },
  });
  const dirty = mode !== a.mode || (start || null) !== a.startDate;
  return (
    <Table.Tr aria-label={a.bankAccountName}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {a.bankAccountName}
        </Text>
        <Text size="xs" c="dimmed">
          {accountLabel(a.ledgerAccount.number, a.ledgerAccount.name)} · {a.currency}
        </Text>
        {save.error ? <ProblemAlert error={save.error} /> : null}
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={`Automation of ${a.bankAccountName}`}
          data={(Object.keys(MODE_LABEL) as Mode[]).map((m) => ({ value: m, label: MODE_LABEL[m] }))}
          value={mode}
          onChange={(v) => v && setMode(v as Mode)}
          allowDeselect={false}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          type="date"
          aria-label={`Start date of ${a.bankAccountName}`}
          min={a.earliestStartDate}
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
        />
        <Text size="xs" c="dimmed">
          From {formatDate(a.earliestStartDate)} at the earliest
        </Text>
      </Table.Td>
      <Table.Td>
        {a.lastUpdated ? (
          <Text size="xs">
            {a.lastUpdated.name} · {formatDateTime(a.lastUpdated.at)}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            Default (never changed)
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group justify="flex-end">
          <Button
            size="xs"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate()}
            aria-label={`Save automation of ${a.bankAccountName}`}
          >
            Save
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
