// The client view's home: who the client is, the bank statements it still owes (each with its
// upload request, or a button asking for it), where its books stand (balances by account type as
// of today), and the way to its ledger pages.
import { Anchor, Card, Group, SimpleGrid, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { clientsApi } from "../../api/clients.ts";
import { api } from "../../api/client.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Amount } from "../../components/Amount.tsx";
import { Link } from "../../router/router.tsx";
import { formatDate } from "../../lib/dates.ts";
import { MissingStatements } from "../documents/MissingStatements.tsx";

interface Rollup {
  asOf: string;
  rows: Array<{ type: string; currency: string; balance: string }>;
}
const ORDER = ["asset", "liability", "equity", "income", "expense"];
const LABEL: Record<string, string> = {
  asset: "Assets",
  liability: "Liabilities",
  equity: "Equity",
  income: "Income",
  expense: "Expenses",
};

export function ClientHomePage({ client }: { client: string }) {
  const info = useQuery({ queryKey: ["client", client], queryFn: () => clientsApi.get(client) });
  const rollup = useQuery({
    queryKey: ["rollup", client],
    queryFn: () => api.get<Rollup>(`/api/clients/${encodeURIComponent(client)}/reports/balance-by-type`),
  });
  return (
    <>
      <PageHeader
        title={info.data?.name ?? "Client"}
        help="portal#global-view-and-client-view"
        subtitle={rollup.data ? `Balances as of ${formatDate(rollup.data.asOf)}` : undefined}
      />
      <MissingStatements client={client} />
      <QueryState query={rollup} isEmpty={(r) => r.rows.length === 0} empty="No posted activity yet.">
        {(r) => (
          <SimpleGrid cols={{ base: 2, md: 5 }} spacing="md" mb="lg">
            {[...r.rows]
              .sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type))
              .map((row) => (
                <Card key={`${row.type}/${row.currency}`} withBorder radius="md" padding="md">
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                    {LABEL[row.type] ?? row.type}
                  </Text>
                  <Text mt={4} component="div">
                    <Amount
                      size="xl"
                      strong
                      value={
                        row.type === "asset" || row.type === "expense" ? row.balance : negate(row.balance)
                      }
                    />
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.currency}
                  </Text>
                </Card>
              ))}
          </SimpleGrid>
        )}
      </QueryState>
      <Group gap="lg">
        <Anchor component={Link} href={`/c/${client}/ledger/entries`}>
          Journal entries
        </Anchor>
        <Anchor component={Link} href={`/c/${client}/ledger/trial-balance`}>
          Trial balance
        </Anchor>
        <Anchor component={Link} href={`/c/${client}/ledger/general-ledger`}>
          General ledger
        </Anchor>
        <Anchor component={Link} href={`/c/${client}/ledger/accounts`}>
          Chart of accounts
        </Anchor>
      </Group>
    </>
  );
}

// Credit-normal types read as positive numbers on a summary.
const negate = (v: string) =>
  v.startsWith("-") ? v.slice(1) : v === "0" || /^0*\.?0*$/.test(v) ? v : `-${v}`;
