// The clients table of the global view: added date, contacts and status, searchable; add a
// client, resume an unfinished one, or open one.
import { useMemo, useState } from "react";
import { Alert, Anchor, Button, Group, Paper, Table, Text, TextInput } from "@mantine/core";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { clientsApi, setupUnfinished } from "../../api/clients.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { Link, navigate } from "../../router/router.tsx";
import { useCan } from "../../app/session.tsx";
import { formatDate } from "../../lib/dates.ts";
import { contactName } from "./contact.ts";
import { loadWizardDraft } from "./wizardDraft.ts";

export function ClientsPage() {
  const can = useCan();
  const [search, setSearch] = useState("");
  const query = useQuery({ queryKey: ["clients"], queryFn: clientsApi.list });
  const draft = loadWizardDraft();
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (query.data ?? []).filter(
      (c) => !needle || c.name.toLowerCase().includes(needle) || c.slug.includes(needle),
    );
  }, [query.data, search]);

  return (
    <>
      <PageHeader
        title="Clients"
        help="clients-and-users"
        actions={
          can("client.create") && (
            <Button component={Link} href="/clients/new" leftSection={<IconPlus size={16} />}>
              Add client
            </Button>
          )
        }
      />
      {draft && can("client.create") && (
        <Alert color="blue" variant="light" mb="md" title="An unfinished client">
          <Group justify="space-between">
            <Text size="sm">
              You started adding {draft.name ? <strong>{draft.name}</strong> : "a client"} and left at step{" "}
              {draft.step + 1}.
            </Text>
            <Button
              size="xs"
              variant="light"
              component={Link}
              href={draft.client ? `/clients/new?client=${draft.client}` : "/clients/new"}
            >
              Resume
            </Button>
          </Group>
        </Alert>
      )}
      <Group mb="sm">
        <TextInput
          aria-label="Search clients"
          placeholder="Search clients"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={300}
        />
      </Group>
      <QueryState
        query={query}
        isEmpty={(d) => d.length === 0}
        empty="No clients yet. Add your first client to start."
      >
        {() => (
          <Paper withBorder radius="md">
            <Table highlightOnHover verticalSpacing={6} fz="sm" aria-label="Clients">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Client</Table.Th>
                  <Table.Th>Added</Table.Th>
                  <Table.Th>Point of contact</Table.Th>
                  <Table.Th>Bank-statement contact</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th w={160} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} href={`/clients/${c.slug}`} fw={500} size="sm">
                        {c.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDate(c.createdAt.slice(0, 10))}</Table.Td>
                    <Table.Td>{contactName(c.pointOfContact)}</Table.Td>
                    <Table.Td>{contactName(c.bankStatementContact)}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <StatusBadge status={c.status} />
                        {setupUnfinished(c) && c.status !== "terminated" && (
                          <Anchor component={Link} href={`/clients/new?client=${c.slug}`} size="xs">
                            Continue setup
                          </Anchor>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        type="button"
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => navigate(`/c/${c.slug}`)}
                        aria-label={`Open ${c.name}`}
                      >
                        Open client view
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryState>
    </>
  );
}
