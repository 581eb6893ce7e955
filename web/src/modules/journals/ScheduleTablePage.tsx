// One schedule's full table: every month's amounts (and a disposal's figures), which months were
// generated and where they stand, and for a loan the bank line that paid each period.
import { Badge, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { journalsApi } from "../../api/journals.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";

const LABELS: Record<string, string> = {
  month: "Month",
  amount: "Amount",
  remaining: "Still prepaid",
  accumulated: "Accumulated",
  bookValue: "Book value",
  payment: "Payment",
  interest: "Interest",
  principal: "Principal",
  balance: "Balance",
};

export function ScheduleTablePage({ client, id }: { client: string; id: string }) {
  const q = useQuery({
    queryKey: ["journals", client, "schedule", id],
    queryFn: () => journalsApi.schedule(client, id),
  });
  return (
    <QueryState query={q}>
      {(d) => {
        const rows = d.table?.rows ?? [];
        const columns = rows[0] ? Object.keys(rows[0]) : [];
        const stateOf = new Map(d.runs.filter((r) => r.part === "main").map((r) => [r.month, r.state]));
        // A loan's periods and the bank line that paid each (same amount out, near its month).
        const paidBy = new Map(d.payments.map((p) => [p.month, p]));
        const isLoan = d.kind === "loan";
        return (
          <Stack>
            <PageHeader title={d.name} help="je-automation#schedules" subtitle={`${d.kind} schedule`} />
            <Table striped aria-label="Schedule table">
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th key={c}>{LABELS[c] ?? c}</Table.Th>
                  ))}
                  <Table.Th>Entry</Table.Th>
                  {isLoan && <Table.Th>Paid at the bank</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.month}>
                    {columns.map((c) => (
                      <Table.Td key={c} ta={c === "month" ? "left" : "right"}>
                        {r[c]}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {stateOf.get(r.month!) ? <Badge variant="light">{stateOf.get(r.month!)}</Badge> : "—"}
                    </Table.Td>
                    {isLoan && (
                      <Table.Td>
                        {paidBy.get(r.month!) ? (
                          <Text size="sm">
                            {paidBy.get(r.month!)!.date} · {paidBy.get(r.month!)!.bankAccount} ·{" "}
                            {paidBy.get(r.month!)!.description}
                          </Text>
                        ) : (
                          <Text size="sm" c="dimmed">
                            not seen yet
                          </Text>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {d.table?.disposal && (
              <Text size="sm">
                Disposed {d.table.disposal.month}: cost {d.table.disposal.cost}, accumulated{" "}
                {d.table.disposal.accumulated}, proceeds {d.table.disposal.proceeds}, gain or loss{" "}
                {d.table.disposal.gainLoss}.
              </Text>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
