// Period locks: the last eighteen months with their state, and lock/unlock for those allowed.
import { Button, Paper, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ledgerApi } from "../../api/ledger.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { useCan } from "../../app/session.tsx";
import { formatDateTime } from "../../lib/dates.ts";

function lastMonths(n: number): string[] {
  const now = new Date();
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
  });
}

export function PeriodsPage({ client }: { client: string }) {
  const can = useCan();
  const qc = useQueryClient();
  const query = useQuery({ queryKey: ["periods", client], queryFn: () => ledgerApi.periods(client) });
  const toggle = useMutation({
    mutationFn: ({ month, lock }: { month: string; lock: boolean }) => ledgerApi.lock(client, month, lock),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["periods", client] }),
  });
  const mayLock = can("ledger.period.lock");

  return (
    <>
      <PageHeader
        title="Period locks"
        help="ledger#period-locks"
        subtitle="A locked month refuses posting and reversing."
      />
      <ProblemAlert error={toggle.error} onClose={() => toggle.reset()} />
      <QueryState query={query}>
        {(periods) => {
          const byMonth = new Map(periods.map((p) => [p.month, p]));
          const months = [...new Set([...lastMonths(18), ...periods.map((p) => p.month)])].sort().reverse();
          return (
            <Paper withBorder radius="md" maw={760}>
              <Table verticalSpacing={5} fz="sm" aria-label="Periods">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Month</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Last change</Table.Th>
                    <Table.Th w={110} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {months.map((m) => {
                    const p = byMonth.get(m);
                    const locked = p?.status === "locked";
                    const label = new Date(`${m}-01T12:00:00`).toLocaleDateString("en-US", {
                      month: "long",
                      year: "numeric",
                    });
                    return (
                      <Table.Tr key={m}>
                        <Table.Td>{label}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={p?.status ?? "open"} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {p ? `${formatDateTime(p.changedAt)} by ${p.changedBy}` : ""}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {mayLock && (
                            <Button
                              type="button"
                              size="compact-xs"
                              variant="subtle"
                              color={locked ? "teal" : "red"}
                              aria-label={`${locked ? "Unlock" : "Lock"} ${label}`}
                              onClick={() => toggle.mutate({ month: m, lock: !locked })}
                            >
                              {locked ? "Unlock" : "Lock"}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>
          );
        }}
      </QueryState>
    </>
  );
}
