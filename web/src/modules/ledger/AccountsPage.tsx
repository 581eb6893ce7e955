// Chart of accounts: every account of the client with its type and normal balance; add,
// deactivate and reactivate accounts, or start from the standard chart.
import { useMemo, useState } from "react";
import { Button, Checkbox, Group, Paper, SegmentedControl, Table, Text, TextInput } from "@mantine/core";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ACCOUNT_TYPES, ledgerApi, type Account } from "../../api/ledger.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { NewAccountModal } from "./NewAccountModal.tsx";

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function AccountsPage({ client }: { client: string }) {
  const [showInactive, setShowInactive] = useState(false);
  const [type, setType] = useState("all");
  const [search, setSearch] = useState("");
  const [adding, setAdding] = useState(false);
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ["accounts", client, showInactive],
    queryFn: () => ledgerApi.accounts(client, showInactive),
  });
  const toggle = useMutation({
    mutationFn: (a: Account) => ledgerApi.updateAccount(client, a.id, { isActive: !a.isActive }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["accounts", client] }),
  });
  const template = useMutation({
    mutationFn: () => ledgerApi.applyTemplate(client),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["accounts", client] }),
  });

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (query.data ?? [])
      .filter((a) => type === "all" || a.type === type)
      .filter(
        (a) => !needle || a.fullName.toLowerCase().includes(needle) || (a.number ?? "").includes(needle),
      );
  }, [query.data, type, search]);

  return (
    <>
      <PageHeader
        title="Chart of accounts"
        help="ledger#chart-of-accounts"
        actions={
          <Button type="button" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            New account
          </Button>
        }
      />
      <ProblemAlert
        error={toggle.error ?? template.error}
        onClose={() => {
          toggle.reset();
          template.reset();
        }}
      />
      <Group mb="sm" gap="md">
        <TextInput
          aria-label="Search accounts"
          placeholder="Search by name or number"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
        <SegmentedControl
          size="xs"
          value={type}
          onChange={setType}
          data={[
            { value: "all", label: "All" },
            ...ACCOUNT_TYPES.map((t) => ({ value: t, label: capital(t) })),
          ]}
          aria-label="Account type"
        />
        <Checkbox
          label="Show inactive"
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
      </Group>
      <QueryState
        query={query}
        isEmpty={(d) => d.length === 0}
        empty={
          <Group gap="sm">
            <span>This client has no accounts yet.</span>
            <Button
              type="button"
              size="xs"
              variant="light"
              loading={template.isPending}
              onClick={() => template.mutate()}
            >
              Use the standard chart
            </Button>
          </Group>
        }
      >
        {() => (
          <Paper withBorder radius="md">
            <Table striped highlightOnHover verticalSpacing={6} fz="sm" aria-label="Accounts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>Number</Table.Th>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Detail type</Table.Th>
                  <Table.Th>Normal balance</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th w={120} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td ff="monospace">{a.number ?? "—"}</Table.Td>
                    <Table.Td>
                      <Text inherit c={a.parentId ? "dimmed" : undefined} span>
                        {a.fullName.includes(":")
                          ? `${a.fullName.slice(0, a.fullName.lastIndexOf(":") + 1)}`
                          : ""}
                      </Text>
                      <Text inherit span fw={500}>
                        {a.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>{capital(a.type)}</Table.Td>
                    <Table.Td>{a.detailType.replace(/_/g, " ")}</Table.Td>
                    <Table.Td>{capital(a.normalBalance)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={a.isActive ? "active" : "deactivated"} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        type="button"
                        size="compact-xs"
                        variant="subtle"
                        color={a.isActive ? "gray" : "teal"}
                        onClick={() => toggle.mutate(a)}
                        aria-label={`${a.isActive ? "Deactivate" : "Reactivate"} ${a.fullName}`}
                      >
                        {a.isActive ? "Deactivate" : "Reactivate"}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {rows.length === 0 && (
              <Text c="dimmed" ta="center" py="md">
                No account matches.
              </Text>
            )}
          </Paper>
        )}
      </QueryState>
      <Text c="dimmed" size="xs" mt="xs">
        {rows.length} account{rows.length === 1 ? "" : "s"}
      </Text>
      <NewAccountModal
        client={client}
        opened={adding}
        onClose={() => setAdding(false)}
        accounts={query.data ?? []}
      />
    </>
  );
}
