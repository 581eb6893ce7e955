// The Close Tracker board: every client × the months chosen, each cell its status, due date and
// blocker count, filtered by assignee (me), status, overdue and cadence. A cell opens the month.
import { useState } from "react";
import { Anchor, Badge, Checkbox, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { closeApi, type Board } from "../../api/close.ts";
import { usersApi } from "../../api/users.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Link } from "../../router/router.tsx";
import { useSession } from "../../app/session.tsx";

export const STATUS: Record<string, { label: string; color: string }> = {
  not_started: { label: "Not started", color: "gray" },
  in_progress: { label: "In progress", color: "blue" },
  ready_for_review: { label: "Ready for review", color: "violet" },
  closed: { label: "Closed", color: "teal" },
  reopened: { label: "Reopened", color: "orange" },
};

/** "2026-06" for a date, and the month `n` months before. */
function monthBack(date: Date, n: number): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - n, 1));
  return d.toISOString().slice(0, 7);
}

export function CloseBoardPage() {
  const session = useSession();
  const now = new Date();
  const [from, setFrom] = useState(monthBack(now, 3));
  const [to, setTo] = useState(monthBack(now, 1));
  // "me", a firm person's id, or null for everyone.
  const [assignee, setAssignee] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [cadence, setCadence] = useState<string | null>(null);
  const query: Record<string, string> = { from, to };
  if (assignee) query.assignee = assignee === "me" ? session.me.user.id : assignee;
  if (status) query.status = status;
  if (overdue) query.overdue = "true";
  if (cadence) query.cadence = cadence;
  const people = useQuery({ queryKey: ["users"], queryFn: () => usersApi.list(), staleTime: 60_000 });
  const board = useQuery({ queryKey: ["close-board", query], queryFn: () => closeApi.board(query) });
  const valid = /^\d{4}-\d{2}$/;
  return (
    <Stack>
      <PageHeader title="Close Tracker" help="close-tracker" />
      <Group align="end">
        <TextInput
          label="From"
          w={110}
          value={from}
          onChange={(e) => valid.test(e.currentTarget.value) && setFrom(e.currentTarget.value)}
        />
        <TextInput
          label="To"
          w={110}
          value={to}
          onChange={(e) => valid.test(e.currentTarget.value) && setTo(e.currentTarget.value)}
        />
        <Select
          label="Status"
          clearable
          w={180}
          value={status}
          onChange={setStatus}
          data={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))}
        />
        <Select
          label="Cadence"
          clearable
          w={130}
          value={cadence}
          onChange={setCadence}
          data={[
            { value: "daily", label: "Daily" },
            { value: "weekly", label: "Weekly" },
          ]}
        />
        <Select
          label="Assignee"
          placeholder="Everyone"
          clearable
          searchable
          w={190}
          value={assignee}
          onChange={setAssignee}
          data={[
            { value: "me", label: "Mine" },
            ...(people.data?.users ?? [])
              .filter(
                (u) => u.id !== session.me.user.id && u.status === "active" && !u.role.startsWith("client"),
              )
              .map((u) => ({ value: u.id, label: u.name ?? u.email })),
          ]}
        />
        <Checkbox label="Overdue" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
      </Group>
      <QueryState query={board} empty="No client months match." isEmpty={(b: Board) => b.rows.length === 0}>
        {(b) => (
          <Table striped withTableBorder aria-label="Close board">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Client</Table.Th>
                {b.months.map((m) => (
                  <Table.Th key={m}>{m}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.rows.map((r) => (
                <Table.Tr key={r.client}>
                  <Table.Td>
                    <Text size="sm">{r.clientName}</Text>
                    <Text size="xs" c="dimmed">
                      {r.cadence} · {r.closeMode} close
                    </Text>
                  </Table.Td>
                  {b.months.map((m) => {
                    const c = r.months.find((x) => x.month === m);
                    if (!c) return <Table.Td key={m} />;
                    const s = STATUS[c.status]!;
                    return (
                      <Table.Td key={m} aria-label={`${r.client} ${m}`}>
                        <Anchor component={Link} href={`/c/${r.client}/close/${m}`} size="sm">
                          <Badge color={s.color} variant="light">
                            {s.label}
                          </Badge>
                        </Anchor>
                        <Text size="xs" c={c.overdue ? "red" : "dimmed"}>
                          due {c.dueDate}
                          {c.blockers ? ` · ${c.blockers} blocking` : ""}
                        </Text>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
