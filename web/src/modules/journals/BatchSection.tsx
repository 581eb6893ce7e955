// The month-end batch: every entry the month gets, with its state (a held draft says why), and
// Generate, Approve all and Post approved — or one entry at a time (Approve, Post, Reverse).
import { useState } from "react";
import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { journalsApi } from "../../api/journals.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { EntryActions } from "./EntryActions.tsx";
import { useLinkedItem } from "../../router/linked-item.ts";
import { useLocation } from "../../router/router.tsx";

const COLORS: Record<string, string> = {
  due: "gray",
  draft: "yellow",
  approved: "blue",
  posted: "teal",
  reversed: "red",
};

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

export function BatchSection({ client }: { client: string }) {
  const qc = useQueryClient();
  // A notification's link names the month and the entry (?month=2026-05&run=…): shown, highlighted.
  const [linkedRun] = useLinkedItem("run");
  const linkedMonth = useLocation().search.get("month");
  const [month, setMonth] = useState(() => linkedMonth ?? lastMonth());
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const key = ["journals", client, "batch", month];
  const batch = useQuery({ queryKey: key, queryFn: () => journalsApi.batch(client, month), enabled: valid });
  const act = useMutation({
    mutationFn: (run: (client: string, month: string) => Promise<unknown>) => run(client, month),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["journals", client] }),
  });
  // One entry's Approve / Post / Reverse (EntryActions).
  const one = useMutation({
    mutationFn: (run: (client: string) => Promise<unknown>) => run(client),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["journals", client] }),
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Title order={3} fz={17}>
          Month-end batch
        </Title>
        <Group align="flex-end">
          <TextInput
            label="Month"
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            error={valid ? undefined : "A month, YYYY-MM"}
            w={120}
          />
          <Button
            variant="light"
            loading={act.isPending}
            disabled={!valid}
            onClick={() => act.mutate(journalsApi.generate)}
          >
            Generate
          </Button>
          <Button
            variant="light"
            loading={act.isPending}
            disabled={!valid}
            onClick={() => act.mutate(journalsApi.approve)}
          >
            Approve all
          </Button>
          <Button loading={act.isPending} disabled={!valid} onClick={() => act.mutate(journalsApi.post)}>
            Post approved
          </Button>
        </Group>
      </Group>
      {act.error && <ProblemAlert error={act.error} title="Could not do that" />}
      {one.error && <ProblemAlert error={one.error} title="Could not do that" />}
      <QueryState query={batch} empty="Nothing is due this month." isEmpty={(b) => b.items.length === 0}>
        {(b) => (
          <Table aria-label="Month-end batch">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Entry</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.items.map((i) => (
                <Table.Tr
                  key={`${i.sourceId}/${i.part}`}
                  bg={i.runId && i.runId === linkedRun ? "var(--mantine-color-yellow-light)" : undefined}
                >
                  <Table.Td>
                    {i.sourceName}
                    {i.part === "disposal" ? " (disposal)" : ""}
                    {i.heldReason && (
                      <Text size="xs" c="red">
                        {i.heldReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{i.date}</Table.Td>
                  <Table.Td ta="right">{i.amount ?? "from the books"}</Table.Td>
                  <Table.Td>
                    <Badge color={COLORS[i.state]} variant="light">
                      {i.heldReason ? "held" : i.state}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <EntryActions item={i} busy={one.isPending} onAction={(run) => one.mutate(run)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
