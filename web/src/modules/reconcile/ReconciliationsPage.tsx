// The client's bank and card accounts as reconciliation sees them: the ledger account, the linked
// bank account and its connection, the last reconciled date and balance, the auto-reconcile mark,
// and the difference of the period in progress — with a way into each, and the completed months.
import { useState } from "react";
import { Anchor, Badge, Button, Group, Table, Text, Title } from "@mantine/core";
import { IconScale } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { reconcileApi, type AccountReconciliation } from "../../api/reconcile.ts";
import { bankingApi } from "../../api/banking.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Amount } from "../../components/Amount.tsx";
import { Link } from "../../router/router.tsx";
import { formatDate } from "../../lib/dates.ts";
import { accountLabel } from "../../lib/accounts.ts";
import { isZero } from "./screen-model.ts";
import { StartModal } from "./StartModal.tsx";
import { ReconcileTabs } from "./ReconcileTabs.tsx";

export function ReconciliationsPage({ client }: { client: string }) {
  const list = useQuery({ queryKey: ["reconciliations", client], queryFn: () => reconcileApi.list(client) });
  const overview = useQuery({
    queryKey: ["bank-overview", client],
    queryFn: () => bankingApi.overview(client),
  });
  const connections = useQuery({
    queryKey: ["connections", client],
    queryFn: () => bankingApi.connections(client),
  });
  const [starting, setStarting] = useState<AccountReconciliation | null>(null);

  const connectionOf = (bankAccountId: string) => {
    const account = overview.data?.bankAccounts.find((b) => b.id === bankAccountId);
    if (!account?.connectionId) return null;
    return connections.data?.connections.find((c) => c.id === account.connectionId) ?? null;
  };

  return (
    <>
      <PageHeader
        title="Reconciliation"
        help="reconciliation"
        subtitle="Every bank and card account against its statements"
      />
      <ReconcileTabs client={client} current="accounts" />
      <QueryState
        query={list}
        isEmpty={(d) => d.length === 0}
        empty="This client has no bank or card accounts yet."
      >
        {(accounts) => (
          <>
            <Table striped highlightOnHover aria-label="Accounts to reconcile" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ledger account</Table.Th>
                  <Table.Th>Bank account</Table.Th>
                  <Table.Th>Connection</Table.Th>
                  <Table.Th>Last reconciled</Table.Th>
                  <Table.Th style={{ textAlign: "right" }}>Reconciled balance</Table.Th>
                  <Table.Th>Auto</Table.Th>
                  <Table.Th style={{ textAlign: "right" }}>Difference</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {accounts.map((a) => {
                  const connection = connectionOf(a.bankAccount.id);
                  return (
                    <Table.Tr key={a.bankAccount.id} data-account={a.bankAccount.shortName}>
                      <Table.Td>{accountLabel(a.ledgerAccount.number, a.ledgerAccount.name)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{a.bankAccount.name}</Text>
                        <Text size="xs" c="dimmed">
                          {a.bankAccount.kind === "credit_card" ? "Card" : "Bank"} · {a.bankAccount.currency}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {connection ? (
                          <Badge
                            variant="light"
                            color={connection.state === "connected" ? "teal" : "orange"}
                            tt="none"
                          >
                            {connection.state.replaceAll("_", " ")}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            Statement files
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {a.lastReconciled ? (
                          <Anchor
                            component={Link}
                            href={`/c/${client}/reconcile/${a.lastReconciled.id}/report`}
                            size="sm"
                          >
                            {formatDate(a.lastReconciled.to)}
                          </Anchor>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Never
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ textAlign: "right" }}>
                        <Amount value={a.lastReconciled?.closing} />
                      </Table.Td>
                      <Table.Td>
                        {a.auto ? (
                          <Badge variant="light" color="blue" tt="none" title="Auto-reconcile is on">
                            Auto
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {a.excluded ? "Excluded" : "Off"}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ textAlign: "right" }}>
                        {a.inProgress ? (
                          isZero(a.inProgress.difference) ? (
                            <Text size="sm" c="teal.8">
                              0.00
                            </Text>
                          ) : (
                            <Amount value={a.inProgress.difference} strong />
                          )
                        ) : (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          {a.inProgress ? (
                            <Button
                              component={Link}
                              href={`/c/${client}/reconcile/${a.inProgress.id}`}
                              size="xs"
                              aria-label={`Continue ${a.bankAccount.name}`}
                            >
                              Continue {formatDate(a.inProgress.to)}
                            </Button>
                          ) : (
                            <Button
                              size="xs"
                              variant="light"
                              leftSection={<IconScale size={14} />}
                              onClick={() => setStarting(a)}
                              aria-label={`Reconcile ${a.bankAccount.name}`}
                            >
                              Reconcile
                            </Button>
                          )}
                        </Group>
                        {a.inProgress && (
                          <Text size="xs" c="dimmed" ta="right">
                            by {a.inProgress.startedBy}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <History client={client} accounts={accounts} />
          </>
        )}
      </QueryState>
      {starting && <StartModal client={client} account={starting} onClose={() => setStarting(null)} />}
    </>
  );
}

function History({ client, accounts }: { client: string; accounts: AccountReconciliation[] }) {
  const done = accounts
    .flatMap((a) => a.reconciliations.map((r) => ({ ...r, account: a.bankAccount.name })))
    .filter((r) => r.status !== "in_progress")
    .sort((a, b) => b.to.localeCompare(a.to) || a.account.localeCompare(b.account));
  if (done.length === 0) return null;
  return (
    <>
      <Title order={3} fz="md" mt="xl" mb="xs">
        Reconciled periods
      </Title>
      <Table aria-label="Reconciled periods" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            <Table.Th>Period</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th style={{ textAlign: "right" }}>Closing balance</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {done.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.account}</Table.Td>
              <Table.Td>
                {formatDate(r.from)} – {formatDate(r.to)}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.status === "completed" ? "teal" : "gray"} tt="none">
                  {r.status}
                </Badge>
              </Table.Td>
              <Table.Td style={{ textAlign: "right" }}>
                <Amount value={r.closing} />
              </Table.Td>
              <Table.Td style={{ textAlign: "right" }}>
                <Anchor component={Link} href={`/c/${client}/reconcile/${r.id}/report`} size="sm">
                  Report
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
