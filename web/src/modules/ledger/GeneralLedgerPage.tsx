// General ledger detail for a date range: per account, the opening balance, every posted line
// with its running balance, and the closing balance.
import { useState } from "react";
import { Anchor, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ledgerApi } from "../../api/ledger.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Amount } from "../../components/Amount.tsx";
import { Link, useLocation } from "../../router/router.tsx";
import { formatDate, isoDate, startOfYear } from "../../lib/dates.ts";
import { debitCredit } from "../../lib/money.ts";
import { accountLabel } from "../../lib/accounts.ts";

export function GeneralLedgerPage({ client }: { client: string }) {
  // ?from=&to=&accountId= open it on one account and period (the Reports page links here).
  const { search } = useLocation();
  const [from, setFrom] = useState(search.get("from") ?? startOfYear());
  const [to, setTo] = useState(search.get("to") ?? isoDate());
  const [accountId, setAccountId] = useState<string | null>(search.get("accountId"));
  const accounts = useQuery({
    queryKey: ["accounts", client, true],
    queryFn: () => ledgerApi.accounts(client, true),
  });
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const query = useQuery({
    queryKey: ["general-ledger", client, from, to, accountId],
    queryFn: () => ledgerApi.generalLedger(client, { from, to, accountId: accountId ?? undefined }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title="General ledger"
        help="ledger#general-ledger"
        subtitle={`${formatDate(from)} – ${formatDate(to)}`}
      />
      <Group mb="md" align="flex-end">
        <TextInput
          type="date"
          label="From"
          size="xs"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="To"
          size="xs"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Select
          label="Account"
          size="xs"
          w={320}
          placeholder="All accounts"
          searchable
          clearable
          value={accountId}
          onChange={setAccountId}
          data={(accounts.data ?? []).map((a) => ({
            value: a.id,
            label: accountLabel(a.number, a.fullName),
          }))}
        />
      </Group>
      <QueryState
        query={query}
        isEmpty={(d) => d.accounts.length === 0}
        empty="No posted activity in this range."
      >
        {(gl) => (
          <Stack gap="md">
            {gl.accounts.map((a) => (
              <Paper
                withBorder
                radius="md"
                key={`${a.accountId}/${a.currency}`}
                component="section"
                aria-label={a.account}
              >
                <Group justify="space-between" px="md" pt="sm">
                  <Title order={3} fz="md" fw={600}>
                    {accountLabel(a.number, a.account)}
                  </Title>
                  <Text size="sm" c="dimmed">
                    Opening <Amount value={a.opening} /> · Closing <Amount value={a.closing} strong />
                  </Text>
                </Group>
                <Table verticalSpacing={4} fz="sm" mt={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={110}>Date</Table.Th>
                      <Table.Th w={70}>Entry</Table.Th>
                      <Table.Th>Description</Table.Th>
                      <Table.Th>Contact</Table.Th>
                      <Table.Th ta="right" w={130}>
                        Debit
                      </Table.Th>
                      <Table.Th ta="right" w={130}>
                        Credit
                      </Table.Th>
                      <Table.Th ta="right" w={140}>
                        Balance
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {a.lines.map((l, i) => {
                      const dc = debitCredit(l.amount);
                      return (
                        <Table.Tr key={`${l.entryId}/${i}`}>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(l.date)}</Table.Td>
                          <Table.Td>
                            <Anchor
                              component={Link}
                              href={`/c/${client}/ledger/entries/${l.entryId}`}
                              size="sm"
                              ff="monospace"
                            >
                              {l.entryNumber}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            {l.description}
                            {l.memo ? <Text span c="dimmed" inherit>{` — ${l.memo}`}</Text> : null}
                          </Table.Td>
                          <Table.Td>{l.contact ?? ""}</Table.Td>
                          <Table.Td ta="right">
                            <Amount value={dc.debit} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Amount value={dc.credit} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Amount value={l.balance} />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th colSpan={4}>Totals</Table.Th>
                      <Table.Th ta="right">
                        <Amount value={a.debits} strong />
                      </Table.Th>
                      <Table.Th ta="right">
                        <Amount value={a.credits.replace(/^-/, "")} strong />
                      </Table.Th>
                      <Table.Th ta="right">
                        <Amount value={a.closing} strong />
                      </Table.Th>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
