// The ledger lines behind a figure: the general ledger of that account (and its sub-accounts, whose
// amounts a parent's figure includes) for the column's dates, in a drawer beside the report.
import { Alert, Anchor, Drawer, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { ledgerApi, type GeneralLedger } from "../../api/ledger.ts";
import { QueryState } from "../../components/QueryState.tsx";
import { Amount } from "../../components/Amount.tsx";
import { Link } from "../../router/router.tsx";
import { formatDate } from "../../lib/dates.ts";
import { debitCredit } from "../../lib/money.ts";
import { accountLabel } from "../../lib/accounts.ts";
import { subtreeOf } from "./drill-model.ts";
import type { DrillTarget } from "./ReportTable.tsx";

function LinesTable({ client, account }: { client: string; account: GeneralLedger["accounts"][number] }) {
  return (
    <section aria-label={`Lines of ${account.account}`}>
      <Group justify="space-between" mb={4}>
        <Title order={4} fz="sm">
          {accountLabel(account.number, account.account)}
        </Title>
        <Text size="xs" c="dimmed">
          Opening <Amount value={account.opening} size="xs" /> · Closing{" "}
          <Amount value={account.closing} size="xs" strong />
          {account.currency ? ` ${account.currency}` : ""}
        </Text>
      </Group>
      <Table verticalSpacing={3} fz="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Entry</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th ta="right">Debit</Table.Th>
            <Table.Th ta="right">Credit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {account.lines.map((l, i) => {
            const dc = debitCredit(l.amount);
            return (
              <Table.Tr key={`${l.entryId}/${i}`}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(l.date)}</Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    href={`/c/${client}/ledger/entries/${l.entryId}`}
                    size="xs"
                    ff="monospace"
                  >
                    {l.entryNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{l.memo ? `${l.description} — ${l.memo}` : l.description}</Table.Td>
                <Table.Td ta="right">
                  <Amount value={dc.debit} size="xs" />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount value={dc.credit} size="xs" />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={3}>Totals</Table.Th>
            <Table.Th ta="right">
              <Amount value={account.debits} size="xs" strong />
            </Table.Th>
            <Table.Th ta="right">
              <Amount value={account.credits.replace(/^-/, "")} size="xs" strong />
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </section>
  );
}

export function DrillDrawer({
  client,
  target,
  onClose,
}: {
  client: string;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  // The chart is cached with the ledger pages' key, so a drill after the first costs no request.
  const accounts = useQuery({
    queryKey: ["accounts", client, true],
    queryFn: () => ledgerApi.accounts(client, true),
    enabled: target !== null,
    staleTime: 60_000,
  });
  const range = target?.column.drill ?? null;
  const subtree = target && accounts.data ? subtreeOf(accounts.data, target.account) : null;
  const lines = useQuery({
    queryKey: ["general-ledger", client, range?.from, range?.to, subtree?.filterId ?? null],
    queryFn: () =>
      ledgerApi.generalLedger(client, {
        from: range!.from,
        to: range!.to,
        accountId: subtree!.filterId ?? undefined,
      }),
    enabled: range !== null && subtree !== null && subtree.ids.size > 0,
  });
  const glHref =
    range && subtree?.rootId
      ? `/c/${client}/ledger/general-ledger?from=${range.from}&to=${range.to}&accountId=${subtree.rootId}`
      : null;

  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={target ? `${target.account} · ${target.column.label}` : ""}
    >
      {target && range && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Ledger lines from {formatDate(range.from)} to {formatDate(range.to)}. The report shows{" "}
            <Amount value={target.amount} strong />
            {subtree && subtree.ids.size > 1 ? ", which includes the sub-accounts listed here." : "."}
          </Text>
          {glHref && (
            <Anchor component={Link} href={glHref} size="sm">
              Open in the general ledger
            </Anchor>
          )}
          {accounts.data && subtree?.ids.size === 0 ? (
            <Alert color="yellow">No account named “{target.account}” in the chart of accounts.</Alert>
          ) : (
            <QueryState
              query={lines}
              isEmpty={(gl) =>
                gl.accounts.every((a) => !subtree?.ids.has(a.accountId) || a.lines.length === 0)
              }
              empty="No ledger lines in these dates (the figure is the opening balance)."
            >
              {(gl) => (
                <Stack gap="lg">
                  {gl.accounts
                    .filter((a) => subtree?.ids.has(a.accountId) && a.lines.length > 0)
                    .map((a) => (
                      <LinesTable key={`${a.accountId}/${a.currency}`} client={client} account={a} />
                    ))}
                </Stack>
              )}
            </QueryState>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
