// One institution on the Smart Connect page: its connection banners (state and next step), its bank
// and card accounts with balances, and the actions that fit (import, lines, connect, remove).
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import {
  IconBuildingBank,
  IconCreditCard,
  IconFileImport,
  IconPlugConnected,
  IconTrash,
} from "@tabler/icons-react";
import type { BankAccount, Connection } from "../../api/banking.ts";
import { Amount } from "../../components/Amount.tsx";
import { Link } from "../../router/router.tsx";
import { ConnectionBanner } from "./ConnectionBanner.tsx";
import { formatDate } from "./format.ts";
import { accountLabel } from "../../lib/accounts.ts";

const STATE_COLORS: Record<string, string> = {
  requested: "blue",
  setting_up: "yellow",
  connected: "teal",
  disconnected: "red",
};
const STATE_LABELS: Record<string, string> = {
  requested: "Requested",
  setting_up: "Setting up",
  connected: "Connected",
  disconnected: "Disconnected",
};

export interface InstitutionCardProps {
  client: string;
  name: string;
  accounts: BankAccount[];
  connections: Connection[];
  busy: string | null;
  onConnect?: () => void;
  onSetUp: (c: Connection) => void;
  onReconnect: (c: Connection) => void;
  onSync: (c: Connection) => void;
  onRemove: (c: Connection) => void;
}

export function InstitutionCard(p: InstitutionCardProps) {
  const live = p.connections.find((c) => c.state !== "disconnected") ?? p.connections[0];
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={p.name}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconBuildingBank size={22} stroke={1.6} />
          <Title order={3} fz="lg" fw={600}>
            {p.name}
          </Title>
        </Group>
        <Badge color={live ? STATE_COLORS[live.state] : "gray"} variant="light" tt="none">
          {live ? STATE_LABELS[live.state] : "Not connected"}
        </Badge>
      </Group>
      <Stack gap="xs" mb={p.accounts.length ? "sm" : 0}>
        {p.connections.map((c) => (
          <div key={c.id}>
            <ConnectionBanner
              connection={c}
              actions={{
                onSetUp: c.state === "requested" ? () => p.onSetUp(c) : undefined,
                onReconnect: c.state === "disconnected" ? () => p.onReconnect(c) : undefined,
                onSync: c.state === "connected" ? () => p.onSync(c) : undefined,
                busy: p.busy === c.id,
              }}
            />
            {c.canRemove && (
              <Group justify="flex-end" mt={4}>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => p.onRemove(c)}
                  aria-label={`Remove the connection to ${p.name}`}
                >
                  Remove connection
                </Button>
              </Group>
            )}
          </div>
        ))}
      </Stack>
      {p.accounts.length > 0 ? (
        <Table verticalSpacing={6} fz="sm" aria-label={`${p.name} accounts`}>
          <Table.Tbody>
            {p.accounts.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {a.kind === "bank" ? (
                      <IconBuildingBank size={16} stroke={1.5} />
                    ) : (
                      <IconCreditCard size={16} stroke={1.5} />
                    )}
                    <div>
                      <Anchor
                        component={Link}
                        href={`/c/${p.client}/banking/accounts/${a.shortName}`}
                        fw={500}
                        inherit
                      >
                        {a.name}
                      </Anchor>
                      {a.mask && (
                        <Text span c="dimmed" inherit>
                          {" "}
                          ••{a.mask}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {accountLabel(a.ledgerAccount.number, a.ledgerAccount.name)} · {a.lineCount} line
                        {a.lineCount === 1 ? "" : "s"}
                      </Text>
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  {a.balance === null ? (
                    <Text
                      c="dimmed"
                      inherit
                      aria-label={`${a.name} balance`}
                      style={{ whiteSpace: "nowrap" }}
                    >
                      No balance yet
                    </Text>
                  ) : (
                    <div aria-label={`${a.name} balance`}>
                      <Amount value={a.balance} strong />{" "}
                      <Text span c="dimmed" size="xs">
                        {a.currency}
                      </Text>
                      {a.balanceAsOf && (
                        <Text size="xs" c="dimmed">
                          as of {formatDate(a.balanceAsOf)}
                        </Text>
                      )}
                    </div>
                  )}
                </Table.Td>
                <Table.Td w={110} ta="right">
                  <Button
                    component={Link}
                    href={`/c/${p.client}/banking/import?account=${a.shortName}`}
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconFileImport size={14} />}
                    aria-label={`Import a statement into ${a.name}`}
                  >
                    Import
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          No accounts yet: they are added when the connection is set up, or by hand.
        </Text>
      )}
      {p.onConnect && !live && (
        <Group mt="sm">
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlugConnected size={14} />}
            onClick={p.onConnect}
          >
            Connect
          </Button>
        </Group>
      )}
    </Card>
  );
}
