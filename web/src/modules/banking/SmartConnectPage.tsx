// Smart Connect: the client's banks and card issuers as cards with their accounts, balances and
// connection state, the totals (cash available, credit used, net cash), and the ways in: add an
// account, connect a bank (file-drop folder), ask the client to connect one, import a statement.
import { useMemo, useState } from "react";
import { Alert, Button, Group, SimpleGrid, Text } from "@mantine/core";
import { IconFileImport, IconPlus, IconSend } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { bankingApi, type BankAccount, type Connection, type PollReport } from "../../api/banking.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Link } from "../../router/router.tsx";
import { AddBankAccountModal } from "./AddBankAccountModal.tsx";
import { ConnectModal } from "./ConnectModal.tsx";
import { InstitutionCard } from "./InstitutionCard.tsx";
import { RequestConnectionModal } from "./RequestConnectionModal.tsx";
import { TotalsCards } from "./TotalsCards.tsx";

interface Group {
  key: string;
  name: string;
  accounts: BankAccount[];
  connections: Connection[];
}

export function SmartConnectPage({ client }: { client: string }) {
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const [connecting, setConnecting] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [synced, setSynced] = useState<PollReport | null>(null);
  const overview = useQuery({
    queryKey: ["bank-accounts", client],
    queryFn: () => bankingApi.overview(client),
  });
  const connections = useQuery({
    queryKey: ["connections", client],
    queryFn: () => bankingApi.connections(client),
  });
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ["bank-accounts", client] }),
      qc.invalidateQueries({ queryKey: ["connections", client] }),
    ]);
  const act = useMutation({
    mutationFn: async ({ c, what }: { c: Connection; what: "set-up" | "reconnect" | "sync" | "remove" }) => {
      setBusy(c.id);
      if (what === "set-up") {
        const ids = (overview.data?.bankAccounts ?? [])
          .filter((a) => a.institution?.id === c.institution.id)
          .map((a) => a.id);
        await bankingApi.setUpConnection(client, c.id, { provider: "file-drop", bankAccountIds: ids });
      } else if (what === "reconnect") await bankingApi.reconnect(client, c.id);
      else if (what === "sync") setSynced(await bankingApi.sync(client, c.id));
      else await bankingApi.removeConnection(client, c.id);
    },
    onSettled: async () => {
      setBusy(null);
      await refresh();
    },
  });

  const groups = useMemo<Group[]>(() => {
    const byKey = new Map<string, Group>();
    const groupOf = (key: string, name: string) => {
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = { key, name, accounts: [], connections: [] }));
      return g;
    };
    for (const c of connections.data?.connections ?? [])
      groupOf(c.institution.id, c.institution.name).connections.push(c);
    for (const a of overview.data?.bankAccounts ?? []) {
      if (!a.isActive) continue;
      groupOf(a.institution?.id ?? "other", a.institution?.name ?? "Other accounts").accounts.push(a);
    }
    return [...byKey.values()].sort((a, b) =>
      a.key === "other" ? 1 : b.key === "other" ? -1 : a.name.localeCompare(b.name),
    );
  }, [overview.data, connections.data]);

  return (
    <>
      <PageHeader
        title="Smart Connect"
        help="banking"
        subtitle="Bank and card accounts, their balances and how their transactions arrive"
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconSend size={16} />}
              onClick={() => setRequesting(true)}
            >
              Request connection
            </Button>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              Add bank account
            </Button>
            <Button
              component={Link}
              href={`/c/${client}/banking/import`}
              leftSection={<IconFileImport size={16} />}
            >
              Import statement
            </Button>
          </>
        }
      />
      <ProblemAlert error={act.error} onClose={() => act.reset()} />
      {synced && (
        <Alert
          color={synced.files.some((f) => !f.ok) ? "orange" : "teal"}
          variant="light"
          withCloseButton
          onClose={() => setSynced(null)}
          mb="md"
          title="Synced"
          role="status"
        >
          {synced.files.length === 0
            ? "No new files were waiting."
            : synced.files.map((f) => (
                <Text key={f.name} size="sm">
                  {f.name}:{" "}
                  {f.ok
                    ? f
                        .result!.imports.map(
                          (i) => `${i.newLines} new, ${i.duplicateLines} duplicates skipped`,
                        )
                        .join("; ")
                    : `refused — ${f.error!.detail}`}
                </Text>
              ))}
        </Alert>
      )}
      <QueryState query={overview}>
        {(data) => (
          <>
            <TotalsCards totals={data.totals} />
            {groups.length === 0 ? (
              <Text c="dimmed" ta="center" py="xl">
                No bank accounts yet. Add one, connect a bank, or ask the client to connect theirs.
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                {groups.map((g) => (
                  <InstitutionCard
                    key={g.key}
                    client={client}
                    name={g.name}
                    accounts={g.accounts}
                    connections={g.connections}
                    busy={busy}
                    onConnect={g.key === "other" ? undefined : () => setConnecting(g.name)}
                    onSetUp={(c) => act.mutate({ c, what: "set-up" })}
                    onReconnect={(c) => act.mutate({ c, what: "reconnect" })}
                    onSync={(c) => act.mutate({ c, what: "sync" })}
                    onRemove={(c) => {
                      if (
                        window.confirm(
                          `Remove the connection to ${c.institution.name}? Its accounts and their lines stay.`,
                        )
                      )
                        act.mutate({ c, what: "remove" });
                    }}
                  />
                ))}
              </SimpleGrid>
            )}
          </>
        )}
      </QueryState>
      <AddBankAccountModal
        client={client}
        opened={adding}
        onClose={() => setAdding(false)}
        accounts={overview.data?.bankAccounts ?? []}
        onDone={refresh}
      />
      <RequestConnectionModal
        client={client}
        opened={requesting}
        onClose={() => setRequesting(false)}
        onDone={refresh}
      />
      <ConnectModal
        key={connecting ?? ""}
        client={client}
        institution={connecting}
        accounts={(overview.data?.bankAccounts ?? []).filter(
          (a) => a.institution?.name === connecting && a.isActive,
        )}
        onClose={() => setConnecting(null)}
        onDone={refresh}
      />
    </>
  );
}
