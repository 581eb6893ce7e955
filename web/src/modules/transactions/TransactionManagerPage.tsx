// The Transaction Manager: the Needs Review and Processed tabs (and Excluded), 25 rows a page with
// the next page fetched ahead, search and filters, the bot's coding editable in place with its
// confidence and explanation, and a bulk bar for what is selected.
import { useEffect, useState } from "react";
import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Group,
  Paper,
  Select,
  Table,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { IconCheck, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLinkedItem } from "../../router/linked-item.ts";
import { LinkedTransaction } from "./LinkedTransaction.tsx";
import { transactionsApi, type Band, type Tab, type TransactionFilter } from "../../api/transactions.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { cleanAmount } from "../../lib/money.ts";
import { Link, useLocation } from "../../router/router.tsx";
import { useAccounts, useUsers } from "./lookups.ts";
import { TransactionRow } from "./TransactionRow.tsx";

const PAGE = 25;
const TABS: readonly Tab[] = ["needs_review", "processed", "excluded"];
const BANDS: readonly Band[] = ["high", "medium", "low"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters a link may open the page with (the firm overview's figures link here):
 * ?tab=processed&from=2026-07-01&to=2026-07-31&untouched=true, band, search.
 */
function filtersOf(search: URLSearchParams) {
  const tab = search.get("tab") as Tab | null;
  const band = search.get("band") as Band | null;
  const date = (name: string) => {
    const v = search.get(name) ?? "";
    return DATE.test(v) ? v : "";
  };
  return {
    tab: tab && TABS.includes(tab) ? tab : "needs_review",
    band: band && BANDS.includes(band) ? band : null,
    from: date("from"),
    to: date("to"),
    search: search.get("search") ?? "",
    untouched: search.get("untouched") === "true",
  };
}

export function TransactionManagerPage({ client }: { client: string }) {
  const qc = useQueryClient();
  const location = useLocation();
  const [initial] = useState(() => filtersOf(location.search));
  const [tab, setTab] = useState<Tab>(initial.tab);
  const [page, setPage] = useState(0);
  const [search, setSearch] = useState(initial.search);
  const [band, setBand] = useState<Band | null>(initial.band);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [minAmount, setMinAmount] = useState("");
  const [maxAmount, setMaxAmount] = useState("");
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [untouched, setUntouched] = useState(initial.untouched);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // A notification's link names a transaction (?transaction=…): highlighted with its comments open,
  // in the list when it is on this page, else shown on its own above the list.
  const [linkedId, , forgetLink] = useLinkedItem("transaction");
  const [bulkAccount, setBulkAccount] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const accounts = useAccounts(client);
  const users = useUsers();

  const filter: TransactionFilter = {
    tab,
    band: band ?? undefined,
    accountId: accountId ?? undefined,
    assigneeId: assigneeId ?? undefined,
    search: search.trim() || undefined,
    minAmount: cleanAmount(minAmount),
    maxAmount: cleanAmount(maxAmount),
    from: from || undefined,
    to: to || undefined,
    untouched: untouched ? "true" : undefined,
    limit: PAGE,
  };
  const key = (p: number) => ["transactions", client, { ...filter, offset: p * PAGE }];
  const query = useQuery({
    queryKey: key(page),
    queryFn: () => transactionsApi.list(client, { ...filter, offset: page * PAGE }),
    placeholderData: keepPreviousData,
  });
  const total = query.data?.total ?? 0;
  // Fast paging: the next page is already here when someone asks for it.
  useEffect(() => {
    if ((page + 1) * PAGE < total)
      void qc.prefetchQuery({
        queryKey: key(page + 1),
        queryFn: () => transactionsApi.list(client, { ...filter, offset: (page + 1) * PAGE }),
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qc, client, page, total, JSON.stringify(filter)]);

  const changed = () => {
    setError(null);
    void qc.invalidateQueries({ queryKey: ["transactions", client] });
    void qc.invalidateQueries({ queryKey: ["transaction", client] });
    void qc.invalidateQueries({ queryKey: ["contacts", client] });
  };
  const reset = (f: () => void) => {
    f();
    setPage(0);
    setSelected(new Set());
  };
  const bulk = useMutation({
    mutationFn: (action: { kind: "review" } | { kind: "account"; accountId: string }) =>
      action.kind === "review"
        ? transactionsApi.bulk(client, [...selected], "review")
        : transactionsApi.bulk(client, [...selected], "edit", { accountId: action.accountId }),
    onSuccess: (r, action) => {
      setMessage(
        action.kind === "review"
          ? `${r.transactions.length} marked reviewed.`
          : `${r.transactions.length} recoded.`,
      );
      setSelected(new Set());
      setBulkAccount(null);
      changed();
    },
    onError: setError,
  });

  const counts = query.data?.counts;
  const rows = query.data?.transactions ?? [];
  const linkedInList = rows.some((t) => t.id === linkedId);
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <>
      <PageHeader
        title="Transaction Manager"
        help="transactions"
        subtitle="The bot's coding of every bank and card line: confident ones are posted; the rest wait here for review."
        actions={
          <>
            <Button component={Link} href={`/c/${client}/transactions/rules`} variant="default" size="xs">
              Rules
            </Button>
            <Button
              component={Link}
              href={`/c/${client}/transactions/ai-settings`}
              variant="default"
              size="xs"
            >
              AI settings
            </Button>
          </>
        }
      />
      <Tabs value={tab} onChange={(v) => reset(() => setTab((v as Tab) ?? "needs_review"))} mb="sm">
        <Tabs.List>
          <Tabs.Tab value="needs_review">Needs Review{counts ? ` (${counts.needsReview})` : ""}</Tabs.Tab>
          <Tabs.Tab value="processed">Processed{counts ? ` (${counts.processed})` : ""}</Tabs.Tab>
          <Tabs.Tab value="excluded">Excluded{counts ? ` (${counts.excluded})` : ""}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group mb="sm" gap="xs" align="flex-end">
        <TextInput
          size="xs"
          w={220}
          label="Search"
          aria-label="Search transactions"
          leftSection={<IconSearch size={14} />}
          placeholder="Description or payee"
          value={search}
          onChange={(e) => reset(() => setSearch(e.currentTarget.value))}
        />
        <Select
          size="xs"
          w={150}
          label="Confidence"
          clearable
          value={band}
          onChange={(v) => reset(() => setBand(v as Band | null))}
          data={[
            { value: "high", label: "High (green)" },
            { value: "medium", label: "Medium (orange)" },
            { value: "low", label: "Low (red)" },
          ]}
        />
        <Select
          size="xs"
          w={240}
          label="Account"
          searchable
          clearable
          data={accounts.options}
          value={accountId}
          onChange={(v) => reset(() => setAccountId(v))}
        />
        <TextInput
          size="xs"
          w={90}
          label="Min amount"
          value={minAmount}
          onChange={(e) => reset(() => setMinAmount(e.currentTarget.value))}
        />
        <TextInput
          size="xs"
          w={90}
          label="Max amount"
          value={maxAmount}
          onChange={(e) => reset(() => setMaxAmount(e.currentTarget.value))}
        />
        <TextInput
          size="xs"
          type="date"
          label="From"
          value={from}
          onChange={(e) => reset(() => setFrom(e.currentTarget.value))}
        />
        <TextInput
          size="xs"
          type="date"
          label="To"
          value={to}
          onChange={(e) => reset(() => setTo(e.currentTarget.value))}
        />
        <Select
          size="xs"
          w={160}
          label="Assignee"
          clearable
          data={[{ value: "none", label: "Unassigned" }, ...users.options]}
          value={assigneeId}
          onChange={(v) => reset(() => setAssigneeId(v))}
        />
        {untouched && (
          <Badge
            variant="light"
            color="teal"
            size="lg"
            tt="none"
            rightSection={
              <CloseButton
                size="xs"
                aria-label="Show reviewed and edited lines too"
                onClick={() => reset(() => setUntouched(false))}
              />
            }
          >
            Only lines nobody reviewed or edited
          </Badge>
        )}
      </Group>
      {message && (
        <Alert
          color="teal"
          variant="light"
          withCloseButton
          onClose={() => setMessage(null)}
          mb="sm"
          role="status"
        >
          {message}
        </Alert>
      )}
      <ProblemAlert error={error} onClose={() => setError(null)} />
      {selected.size > 0 && (
        <Paper withBorder radius="md" p="xs" mb="sm" role="region" aria-label="Bulk actions">
          <Group gap="sm">
            <Text size="sm" fw={600}>
              {selected.size} selected
            </Text>
            <Button
              size="xs"
              leftSection={<IconCheck size={14} />}
              loading={bulk.isPending}
              onClick={() => bulk.mutate({ kind: "review" })}
            >
              Mark reviewed
            </Button>
            <Select
              size="xs"
              w={260}
              searchable
              placeholder="Recode to account…"
              aria-label="Recode selected to account"
              data={accounts.options}
              value={bulkAccount}
              onChange={setBulkAccount}
            />
            <Button
              size="xs"
              variant="default"
              disabled={!bulkAccount}
              onClick={() => bulkAccount && bulk.mutate({ kind: "account", accountId: bulkAccount })}
            >
              Recode
            </Button>
            <Button size="xs" variant="subtle" color="gray" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          </Group>
        </Paper>
      )}
      {linkedId && !linkedInList && query.isSuccess && (
        <LinkedTransaction
          client={client}
          id={linkedId}
          accounts={accounts}
          onChanged={changed}
          onError={setError}
          onMessage={setMessage}
          onDone={forgetLink}
        />
      )}
      <QueryState
        query={query}
        isEmpty={(d) => d.transactions.length === 0}
        empty={tab === "needs_review" ? "Nothing waits for review." : "No transaction matches these filters."}
      >
        {(data) => (
          <>
            <Paper withBorder radius="md">
              <Table verticalSpacing={4} fz="sm" aria-label="Transactions" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={36}>
                      <input
                        type="checkbox"
                        aria-label="Select this page"
                        checked={allOnPage}
                        onChange={(e) =>
                          setSelected(
                            e.currentTarget.checked
                              ? new Set([...selected, ...rows.map((r) => r.id)])
                              : new Set([...selected].filter((id) => !rows.some((r) => r.id === id))),
                          )
                        }
                      />
                    </Table.Th>
                    <Table.Th w={110}>Date</Table.Th>
                    <Table.Th>Bank description</Table.Th>
                    <Table.Th w={170}>Payee</Table.Th>
                    <Table.Th>Account</Table.Th>
                    <Table.Th ta="right" w={120}>
                      Amount
                    </Table.Th>
                    <Table.Th w={110}>Confidence</Table.Th>
                    <Table.Th w={150}>Status</Table.Th>
                    <Table.Th w={70} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.transactions.map((t) => (
                    <TransactionRow
                      key={`${t.id}:${t.coding.payee ?? ""}`}
                      client={client}
                      t={t}
                      accounts={accounts.options}
                      accountName={accounts.name}
                      selected={selected.has(t.id)}
                      onSelect={(on) => {
                        const next = new Set(selected);
                        if (on) next.add(t.id);
                        else next.delete(t.id);
                        setSelected(next);
                      }}
                      onChanged={changed}
                      onError={setError}
                      onMessage={setMessage}
                      linked={t.id === linkedId}
                      onLinkDone={forgetLink}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Group justify="space-between" mt="sm">
              <Text c="dimmed" size="xs" aria-label="Page">
                {data.offset + 1}–{data.offset + data.transactions.length} of{" "}
                {data.totalExact ? data.total : `more than ${data.total}`}
              </Text>
              <Group gap="xs">
                <Button size="xs" variant="default" disabled={page === 0} onClick={() => setPage(page - 1)}>
                  Previous
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={(page + 1) * PAGE >= data.total}
                  onClick={() => setPage(page + 1)}
                >
                  Next
                </Button>
              </Group>
            </Group>
          </>
        )}
      </QueryState>
    </>
  );
}
