// A bank account's raw bank lines, newest first, with search, a date range and paging; its
// statements (with balances) and import runs beside them. Lines are kept as the bank sent them.
import { useState } from "react";
import { Anchor, Button, Group, Pagination, Paper, Table, Tabs, Text, TextInput } from "@mantine/core";
import { IconFileImport, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { bankingApi } from "../../api/banking.ts";
import { Amount } from "../../components/Amount.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Link } from "../../router/router.tsx";
import { formatDate } from "./format.ts";

const PAGE = 50;

export function BankLinesPage({ client, account }: { client: string; account: string }) {
  const [search, setSearch] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [page, setPage] = useState(1);
  const info = useQuery({
    queryKey: ["bank-account", client, account],
    queryFn: () => bankingApi.bankAccount(client, account),
  });
  const q = {
    search: search.trim() || undefined,
    from: from || undefined,
    to: to || undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const lines = useQuery({
    queryKey: ["bank-lines", client, account, q],
    queryFn: () => bankingApi.lines(client, account, q),
    placeholderData: (prev) => prev,
  });
  const imports = useQuery({
    queryKey: ["imports", client, account],
    queryFn: () => bankingApi.imports(client, account),
  });
  const a = info.data;
  return (
    <>
      <PageHeader
        title={a ? `${a.name}${a.mask ? ` ••${a.mask}` : ""}` : "Bank lines"}
        help="banking"
        subtitle={
          a
            ? `${a.institution?.name ?? "No bank"} · ${a.currency} · ledger ${a.ledgerAccount.number ?? ""} ${a.ledgerAccount.name}`
            : undefined
        }
        actions={
          <Button
            component={Link}
            href={`/c/${client}/banking/import?account=${account}`}
            leftSection={<IconFileImport size={16} />}
          >
            Import statement
          </Button>
        }
      />
      <Tabs defaultValue="lines">
        <Tabs.List mb="sm">
          <Tabs.Tab value="lines">Bank lines</Tabs.Tab>
          <Tabs.Tab value="imports">Imports</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lines">
          <Group mb="sm" gap="md">
            <TextInput
              aria-label="Search lines"
              placeholder="Text, payee, reference or bank id"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPage(1);
              }}
              w={300}
            />
            <TextInput
              aria-label="From"
              type="date"
              value={from}
              onChange={(e) => {
                setFrom(e.currentTarget.value);
                setPage(1);
              }}
            />
            <TextInput
              aria-label="To"
              type="date"
              value={to}
              onChange={(e) => {
                setTo(e.currentTarget.value);
                setPage(1);
              }}
            />
          </Group>
          <QueryState query={lines} isEmpty={(d) => d.total === 0} empty="No bank lines match.">
            {(d) => (
              <>
                <Paper withBorder radius="md">
                  <Table striped highlightOnHover fz="sm" verticalSpacing={5} aria-label="Bank lines">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={110}>Date</Table.Th>
                        <Table.Th>Description</Table.Th>
                        <Table.Th>Payee</Table.Th>
                        <Table.Th>Reference</Table.Th>
                        <Table.Th ta="right">Amount</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.lines.map((l) => (
                        <Table.Tr key={l.id}>
                          <Table.Td ff="monospace">{l.date}</Table.Td>
                          <Table.Td>
                            {l.description}
                            {l.occurrence > 1 && (
                              <Text
                                span
                                size="xs"
                                c="dimmed"
                                title="An identical line on the same day: kept, not a duplicate"
                              >
                                {" "}
                                (#{l.occurrence})
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{l.payee ?? ""}</Table.Td>
                          <Table.Td>{l.reference ?? ""}</Table.Td>
                          <Table.Td ta="right">
                            <Amount value={l.amount} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Paper>
                <Group justify="space-between" mt="sm">
                  <Text size="xs" c="dimmed">
                    {d.total.toLocaleString("en-US")} line{d.total === 1 ? "" : "s"}
                  </Text>
                  {d.total > PAGE && (
                    <Pagination
                      size="sm"
                      total={Math.ceil(d.total / PAGE)}
                      value={page}
                      onChange={setPage}
                      aria-label="Pages"
                    />
                  )}
                </Group>
              </>
            )}
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="imports">
          <QueryState query={imports} isEmpty={(d) => d.length === 0} empty="Nothing imported yet.">
            {(runs) => (
              <Paper withBorder radius="md">
                <Table fz="sm" verticalSpacing={5} aria-label="Imports">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>When</Table.Th>
                      <Table.Th>File</Table.Th>
                      <Table.Th>By</Table.Th>
                      <Table.Th ta="right">New</Table.Th>
                      <Table.Th ta="right">Duplicates skipped</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {runs.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{formatDate(r.createdAt, true)}</Table.Td>
                        <Table.Td>
                          <Anchor href={bankingApi.statementFileUrl(client, r.fileId)} inherit>
                            {r.fileName}
                          </Anchor>{" "}
                          <Text span c="dimmed" size="xs">
                            {r.format} · {r.source}
                          </Text>
                        </Table.Td>
                        <Table.Td>{r.importedBy}</Table.Td>
                        <Table.Td ta="right">{r.newLines}</Table.Td>
                        <Table.Td ta="right">{r.duplicateLines}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
          </QueryState>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
