// One journal entry: its lines as debits and credits, where it came from, and what can be done
// with it now (post, edit or delete a draft; reverse a posted entry).
import { useState } from "react";
import { Anchor, Button, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ledgerApi, type Account, type Contact, type Entry } from "../../api/ledger.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { Amount } from "../../components/Amount.tsx";
import { Link, navigate } from "../../router/router.tsx";
import { formatDate } from "../../lib/dates.ts";
import { debitCredit, fromMinor, toMinor } from "../../lib/money.ts";
import { ReverseEntryModal } from "./ReverseEntryModal.tsx";
import { CommentsButton } from "../comms/CommentsButton.tsx";
import { accountLabel } from "../../lib/accounts.ts";

export function EntryPage({ client, id }: { client: string; id: string }) {
  const qc = useQueryClient();
  const entry = useQuery({ queryKey: ["entry", client, id], queryFn: () => ledgerApi.entry(client, id) });
  const accounts = useQuery({
    queryKey: ["accounts", client, true],
    queryFn: () => ledgerApi.accounts(client, true),
  });
  const contacts = useQuery({ queryKey: ["contacts", client], queryFn: () => ledgerApi.contacts(client) });
  const [reversing, setReversing] = useState(false);
  const done = () =>
    qc
      .invalidateQueries({ queryKey: ["entries", client] })
      .then(() => qc.invalidateQueries({ queryKey: ["entry", client] }));
  const post = useMutation({ mutationFn: () => ledgerApi.postDraft(client, id), onSuccess: done });
  const remove = useMutation({
    mutationFn: () => ledgerApi.deleteDraft(client, id),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ["entries", client] });
      navigate(`/c/${client}/ledger/entries`);
    },
  });
  const base = `/c/${client}/ledger/entries`;

  return (
    <QueryState query={entry}>
      {(e) => (
        <>
          <PageHeader
            title={e.status === "draft" ? "Draft journal entry" : `Journal entry ${e.number}`}
            help={e.status === "draft" ? "ledger#drafts" : "ledger#reversing-an-entry"}
            subtitle={
              <Anchor component={Link} href={base} size="sm">
                ← All journal entries
              </Anchor>
            }
            actions={
              <>
                {e.status === "draft" && (
                  <>
                    <Button
                      type="button"
                      variant="default"
                      color="red"
                      loading={remove.isPending}
                      onClick={() => window.confirm("Delete this draft?") && remove.mutate()}
                    >
                      Delete draft
                    </Button>
                    <Button variant="default" component={Link} href={`${base}/${e.id}/edit`}>
                      Edit
                    </Button>
                    <Button type="button" loading={post.isPending} onClick={() => post.mutate()}>
                      Post
                    </Button>
                  </>
                )}
                <CommentsButton
                  client={client}
                  object={`journal_entry:${e.id}`}
                  title={`Comments: ${e.status === "draft" ? "draft journal entry" : `journal entry ${e.number}`}`}
                />
                {e.status === "posted" && !e.reversesEntryId && (
                  <Button type="button" variant="default" onClick={() => setReversing(true)}>
                    Reverse
                  </Button>
                )}
              </>
            }
          />
          <ProblemAlert
            error={post.error ?? remove.error}
            onClose={() => {
              post.reset();
              remove.reset();
            }}
          />
          <Paper withBorder radius="md" p="md" mb="md">
            <SimpleGrid cols={{ base: 2, md: 5 }} spacing="md">
              <Field label="Status">
                <StatusBadge status={e.status} />
              </Field>
              <Field label="Date">{formatDate(e.date)}</Field>
              <Field label="Reference">{e.reference ?? "—"}</Field>
              <Field label="Source">{e.source}</Field>
              <Field label="Linked entry">
                <Links entry={e} base={base} />
              </Field>
            </SimpleGrid>
            <Field label="Description" mt="md">
              {e.description || "—"}
            </Field>
            {e.comment && (
              <Field label="Comment" mt="md">
                {e.comment}
              </Field>
            )}
          </Paper>
          <LinesTable entry={e} accounts={accounts.data ?? []} contacts={contacts.data ?? []} />
          <ReverseEntryModal
            client={client}
            entry={e}
            opened={reversing}
            onClose={() => setReversing(false)}
            onReversed={(r) => {
              void done();
              navigate(`${base}/${r.id}`);
            }}
          />
        </>
      )}
    </QueryState>
  );
}

function Field({ label, children, mt }: { label: string; children: React.ReactNode; mt?: string }) {
  return (
    <Stack gap={2} mt={mt}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Links({ entry, base }: { entry: Entry; base: string }) {
  if (entry.reversesEntryId)
    return (
      <Anchor component={Link} href={`${base}/${entry.reversesEntryId}`} size="sm">
        Reverses an entry
      </Anchor>
    );
  if (entry.reversedByEntryId)
    return (
      <Anchor component={Link} href={`${base}/${entry.reversedByEntryId}`} size="sm">
        Reversed by an entry
      </Anchor>
    );
  return <>—</>;
}

function LinesTable({
  entry,
  accounts,
  contacts,
}: {
  entry: Entry;
  accounts: Account[];
  contacts: Contact[];
}) {
  const accountName = new Map(accounts.map((a) => [a.id, accountLabel(a.number, a.fullName)]));
  const contactName = new Map(contacts.map((c) => [c.id, c.name]));
  const scale = Math.max(
    2,
    ...entry.lines.map((l) => (l.amount.includes(".") ? l.amount.split(".")[1]!.length : 0)),
  );
  let debits = 0n;
  let credits = 0n;
  for (const l of entry.lines) {
    const v = toMinor(l.amount, scale) ?? 0n;
    if (v > 0n) debits += v;
    else credits -= v;
  }
  const multiCurrency = new Set(entry.lines.map((l) => l.currency)).size > 1;
  return (
    <Paper withBorder radius="md">
      <Table verticalSpacing={6} fz="sm" aria-label="Entry lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            <Table.Th>Memo</Table.Th>
            <Table.Th>Contact</Table.Th>
            {multiCurrency && <Table.Th>Currency</Table.Th>}
            <Table.Th ta="right" w={140}>
              Debit
            </Table.Th>
            <Table.Th ta="right" w={140}>
              Credit
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.lines.map((l, i) => {
            const dc = debitCredit(l.amount);
            return (
              <Table.Tr key={i}>
                <Table.Td>{accountName.get(l.accountId) ?? l.accountId}</Table.Td>
                <Table.Td c="dimmed">{l.memo ?? ""}</Table.Td>
                <Table.Td>{l.contactId ? (contactName.get(l.contactId) ?? "") : ""}</Table.Td>
                {multiCurrency && <Table.Td>{l.currency}</Table.Td>}
                <Table.Td ta="right">
                  <Amount value={dc.debit} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount value={dc.credit} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        {!multiCurrency && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>Total</Table.Th>
              <Table.Th ta="right">
                <Amount value={fromMinor(debits, scale)} strong />
              </Table.Th>
              <Table.Th ta="right">
                <Amount value={fromMinor(credits, scale)} strong />
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Paper>
  );
}
