// Journal entries, newest first: filter by status and dates, open one, or start a new entry.
import { useState } from "react";
import { Button, Group, Paper, SegmentedControl, Table, Text, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ledgerApi } from "../../api/ledger.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { Amount } from "../../components/Amount.tsx";
import { Link, navigate } from "../../router/router.tsx";
import { formatDate } from "../../lib/dates.ts";
import { entryTotal } from "./entryTotals.ts";

const PAGE = 50;

export function EntriesPage({ client }: { client: string }) {
  const [status, setStatus] = useState<"all" | "draft" | "posted">("all");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [page, setPage] = useState(0);
  const filter = {
    status: status === "all" ? undefined : status,
    from: from || undefined,
    to: to || undefined,
    limit: PAGE + 1,
    offset: page * PAGE,
  };
  const query = useQuery({
    queryKey: ["entries", client, filter],
    queryFn: () => ledgerApi.entries(client, filter),
    placeholderData: keepPreviousData,
  });
  const base = `/c/${client}/ledger/entries`;

  return (
    <>
      <PageHeader
        title="Journal entries"
        help="ledger#journal-entries"
        actions={
          <Button component={Link} href={`${base}/new`} leftSection={<IconPlus size={16} />}>
            New entry
          </Button>
        }
      />
      <Group mb="sm" gap="md" align="flex-end">
        <SegmentedControl
          size="xs"
          aria-label="Status"
          value={status}
          onChange={(v) => {
            setStatus(v as typeof status);
            setPage(0);
          }}
          data={[
            { value: "all", label: "All" },
            { value: "draft", label: "Drafts" },
            { value: "posted", label: "Posted" },
          ]}
        />
        <TextInput
          type="date"
          size="xs"
          label="From"
          value={from}
          onChange={(e) => {
            setFrom(e.currentTarget.value);
            setPage(0);
          }}
        />
        <TextInput
          type="date"
          size="xs"
          label="To"
          value={to}
          onChange={(e) => {
            setTo(e.currentTarget.value);
            setPage(0);
          }}
        />
      </Group>
      <QueryState
        query={query}
        isEmpty={(d) => d.length === 0}
        empty="No journal entry matches these filters."
      >
        {(entries) => (
          <>
            <Paper withBorder radius="md">
              <Table highlightOnHover verticalSpacing={6} fz="sm" aria-label="Journal entries">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>No.</Table.Th>
                    <Table.Th w={120}>Date</Table.Th>
                    <Table.Th>Description</Table.Th>
                    <Table.Th>Reference</Table.Th>
                    <Table.Th w={110}>Status</Table.Th>
                    <Table.Th ta="right" w={150}>
                      Amount
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.slice(0, PAGE).map((e) => {
                    const total = entryTotal(e.lines);
                    return (
                      <Table.Tr
                        key={e.id}
                        style={{ cursor: "pointer" }}
                        onClick={() => navigate(`${base}/${e.id}`)}
                      >
                        <Table.Td ff="monospace">{e.status === "draft" ? "—" : e.number}</Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(e.date)}</Table.Td>
                        <Table.Td>
                          <Link
                            href={`${base}/${e.id}`}
                            onClick={(ev) => ev.stopPropagation()}
                            style={{ color: "inherit", textDecoration: "none" }}
                          >
                            {e.description || (
                              <Text span c="dimmed" inherit>
                                (no description)
                              </Text>
                            )}
                          </Link>
                        </Table.Td>
                        <Table.Td c="dimmed">{e.reference ?? ""}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={e.status} />
                        </Table.Td>
                        <Table.Td ta="right">{total && <Amount value={total.amount} />}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>
            <Group justify="space-between" mt="sm">
              <Text c="dimmed" size="xs">
                Entries {page * PAGE + 1}–{page * PAGE + Math.min(entries.length, PAGE)}
              </Text>
              <Group gap="xs">
                <Button
                  type="button"
                  size="xs"
                  variant="default"
                  disabled={page === 0}
                  onClick={() => setPage(page - 1)}
                >
                  Newer
                </Button>
                <Button
                  type="button"
                  size="xs"
                  variant="default"
                  disabled={entries.length <= PAGE}
                  onClick={() => setPage(page + 1)}
                >
                  Older
                </Button>
              </Group>
            </Group>
          </>
        )}
      </QueryState>
    </>
  );
}
