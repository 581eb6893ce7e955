// The global view's home: the clients you can see at a glance, each a click from its client view.
import { Anchor, Card, Group, SimpleGrid, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { clientsApi } from "../../api/clients.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { Link } from "../../router/router.tsx";
import { useSession } from "../../app/session.tsx";
import { formatDate } from "../../lib/dates.ts";

export function GlobalHomePage() {
  const { me } = useSession();
  const clients = useQuery({ queryKey: ["clients"], queryFn: clientsApi.list });
  return (
    <>
      <PageHeader
        title="Overview"
        help="portal#global-view-and-client-view"
        subtitle={`All clients of ${me.firm.name}`}
      />
      <QueryState query={clients} isEmpty={(d) => d.length === 0} empty="No clients yet.">
        {(list) => (
          <>
            <Group gap="xl" mb="md">
              <Stat label="Clients" value={list.filter((c) => c.status !== "terminated").length} />
              <Stat
                label="Terminated (kept 90 days)"
                value={list.filter((c) => c.status === "terminated").length}
              />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {list.map((c) => (
                <Card key={c.id} withBorder radius="md" padding="md" component="article" aria-label={c.name}>
                  <Group justify="space-between" mb={6}>
                    <Anchor component={Link} href={`/c/${c.slug}`} fw={600}>
                      {c.name}
                    </Anchor>
                    <StatusBadge status={c.status} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    Added {formatDate(c.createdAt.slice(0, 10))} · {c.homeCurrency}
                  </Text>
                  <Group gap="md" mt="sm">
                    <Anchor component={Link} href={`/c/${c.slug}/ledger/entries`} size="sm">
                      Journal entries
                    </Anchor>
                    <Anchor component={Link} href={`/c/${c.slug}/ledger/trial-balance`} size="sm">
                      Trial balance
                    </Anchor>
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          </>
        )}
      </QueryState>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={600} lh={1.2}>
        {value}
      </Text>
    </div>
  );
}
