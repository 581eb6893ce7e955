// The client's chart in the standard categories: the firm-wide model learns across clients through
// this mapping. Default-chart accounts come mapped; any account can be set, cleared or reset.
import { useState } from "react";
import { Badge, Button, Paper, Select, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { transactionsApi } from "../../api/transactions.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { accountLabel } from "../../lib/accounts.ts";

const NONE = "__none__";

export function TaxonomyPanel({ client }: { client: string }) {
  const qc = useQueryClient();
  const [all, setAll] = useState(false);
  const q = useQuery({ queryKey: ["taxonomy", client], queryFn: () => transactionsApi.taxonomy(client) });
  const set = useMutation({
    mutationFn: ({ accountId, category }: { accountId: string; category: string | null }) =>
      transactionsApi.setCategory(client, accountId, category),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["taxonomy", client] }),
  });
  return (
    <Paper withBorder radius="md" p="md" mb="lg" component="section" aria-label="Standard categories">
      <Title order={3} fz="md" mb={4}>
        Standard categories
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The firm-wide model learns from all clients through these categories, so a new client benefits from
        what the firm already knows.
      </Text>
      <ProblemAlert error={set.error} />
      <QueryState query={q}>
        {(t) => {
          const options = [
            { value: NONE, label: "Not used for firm-wide learning" },
            ...t.categories.map((c) => ({ value: c.id, label: c.name })),
          ];
          const rows = t.accounts.filter(
            (a) => a.isActive && (all || a.type === "income" || a.type === "expense"),
          );
          return (
            <>
              <Table fz="sm" verticalSpacing={4} aria-label="Account categories">
                <Table.Tbody>
                  {rows.map((a) => (
                    <Table.Tr key={a.accountId}>
                      <Table.Td>{accountLabel(a.number, a.fullName)}</Table.Td>
                      <Table.Td w={320}>
                        <Select
                          size="xs"
                          searchable
                          aria-label={`Category of ${a.fullName}`}
                          data={options}
                          value={a.category ?? NONE}
                          allowDeselect={false}
                          onChange={(v) =>
                            v && set.mutate({ accountId: a.accountId, category: v === NONE ? null : v })
                          }
                        />
                      </Table.Td>
                      <Table.Td w={160}>
                        {a.source === "set" ? (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => set.mutate({ accountId: a.accountId, category: "default" })}
                          >
                            Back to default
                          </Button>
                        ) : (
                          <Badge size="xs" variant="light" color="gray" tt="none">
                            {a.source === "default" ? "Default" : "Not mapped"}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Button size="xs" variant="subtle" mt="xs" onClick={() => setAll(!all)}>
                {all ? "Income and expense accounts only" : "Show every account"}
              </Button>
            </>
          );
        }}
      </QueryState>
    </Paper>
  );
}
