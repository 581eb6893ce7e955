// "Reconciled by Closebook": the periods Closebook completed by itself, with undo (an audited
// unreconcile of that period, asking why), and the accounts on auto and excluded.
import { useState } from "react";
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { autoApi, type AutoReconciled } from "./auto-api.ts";

type Row = AutoReconciled["reconciliations"][number];

export function AutoReconciledPage({ client }: { client: string }) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ["reconcile-auto", client], queryFn: () => autoApi.list(client) });
  const [undoing, setUndoing] = useState<Row | null>(null);
  const [reason, setReason] = useState("");
  const undo = useMutation({
    mutationFn: (r: Row) => autoApi.undo(client, r.id, reason.trim() || undefined),
    onSuccess: async () => {
      setUndoing(null);
      setReason("");
      await qc.invalidateQueries({ queryKey: ["reconcile-auto", client] });
    },
  });
  return (
    <Stack>
      <PageHeader
        title="Reconciled by Closebook"
        help="reconciliation#reconciled-by-closebook"
        subtitle="Periods Closebook reconciled by itself. Undo reopens a period and unlocks its lines."
      />
      <QueryState query={list}>
        {(data) => (
          <Stack>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                On auto:
              </Text>
              {data.auto.length === 0 ? (
                <Text size="sm">none</Text>
              ) : (
                data.auto.map((a) => (
                  <Badge key={a.id} variant="light">
                    {a.name}
                  </Badge>
                ))
              )}
              <Text size="sm" c="dimmed" ml="md">
                Excluded:
              </Text>
              {data.excluded.length === 0 ? (
                <Text size="sm">none</Text>
              ) : (
                data.excluded.map((a) => (
                  <Badge key={a.id} color="gray" variant="light" title={a.reason ?? undefined}>
                    {a.name} (excluded)
                  </Badge>
                ))
              )}
            </Group>
            <Paper withBorder>
              {data.reconciliations.length === 0 ? (
                <Text c="dimmed" p="md">
                  Closebook has not reconciled a period by itself yet.
                </Text>
              ) : (
                <Table striped aria-label="Reconciled by Closebook">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Account</Table.Th>
                      <Table.Th>Period</Table.Th>
                      <Table.Th ta="right">Closing balance</Table.Th>
                      <Table.Th>Completed</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.reconciliations.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{r.bankAccount.name}</Table.Td>
                        <Table.Td>
                          {r.period.from} – {r.period.to}
                        </Table.Td>
                        <Table.Td ta="right" ff="monospace">
                          {r.closing}
                        </Table.Td>
                        <Table.Td>{r.completedAt.slice(0, 16).replace("T", " ")}</Table.Td>
                        <Table.Td>
                          {r.undone ? (
                            <Text size="sm" c="dimmed">
                              Undone {r.undone.at.slice(0, 10)}
                              {r.undone.reason ? `: ${r.undone.reason}` : ""}
                            </Text>
                          ) : (
                            <Badge color="green" variant="light">
                              Reconciled
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {r.canUndo && (
                            <Button size="xs" variant="default" onClick={() => setUndoing(r)}>
                              Undo
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Stack>
        )}
      </QueryState>
      <Modal opened={undoing !== null} onClose={() => setUndoing(null)} title="Undo this reconciliation?">
        {undoing && (
          <Stack>
            <Text size="sm">
              {undoing.bankAccount.name}, {undoing.period.from} – {undoing.period.to} is reopened and its
              cleared lines are unlocked. This is recorded in the audit trail.
            </Text>
            <TextInput
              label="Why"
              placeholder="Undone from Reconciled by Closebook"
              value={reason}
              maxLength={2000}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            {undo.isError && <ProblemAlert error={undo.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setUndoing(null)}>
                Cancel
              </Button>
              <Button color="red" loading={undo.isPending} onClick={() => undo.mutate(undoing)}>
                Undo
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
