// The journal entry form, for a new entry and for editing a draft: header fields, lines, and
// "Save as draft" or "Post".
import { useState } from "react";
import { Button, Group, Paper, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ledgerApi, type Entry, type EntryInput } from "../../api/ledger.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { navigate } from "../../router/router.tsx";
import { isoDate } from "../../lib/dates.ts";
import { cleanAmount, debitCredit } from "../../lib/money.ts";
import { emptyLine, LinesEditor, totalsOf, type LineDraft } from "./LinesEditor.tsx";

function linesOf(entry: Entry | undefined): LineDraft[] {
  if (!entry) return [emptyLine(), emptyLine()];
  return entry.lines.map((l) => ({
    ...emptyLine(),
    accountId: l.accountId,
    ...debitCredit(l.amount),
    memo: l.memo ?? "",
  }));
}

export function EntryForm({ client, draft }: { client: string; draft?: Entry }) {
  const [date, setDate] = useState(draft?.date ?? isoDate());
  const [description, setDescription] = useState(draft?.description ?? "");
  const [reference, setReference] = useState(draft?.reference ?? "");
  const [lines, setLines] = useState<LineDraft[]>(() => linesOf(draft));
  const accounts = useQuery({
    queryKey: ["accounts", client, false],
    queryFn: () => ledgerApi.accounts(client),
  });
  // Amounts are typed with the decimals the ledger keeps the entry's currency at (a draft's own
  // currency, else the client's home currency, which new lines are posted in).
  const currencies = useQuery({
    queryKey: ["currencies", client],
    queryFn: () => ledgerApi.currencies(client),
  });
  const currency = draft?.lines[0]?.currency ?? currencies.data?.homeCurrency;
  const scale = currencies.data?.currencies.find((c) => c.code === currency)?.scale ?? 2;
  const qc = useQueryClient();

  const input = (): EntryInput => ({
    date,
    description: description.trim(),
    reference: reference.trim() || null,
    lines: lines
      .filter((l) => l.accountId || l.debit.trim() || l.credit.trim())
      .map((l) => ({
        accountId: l.accountId ?? "",
        debit: cleanAmount(l.debit),
        credit: cleanAmount(l.credit),
        memo: l.memo.trim() || null,
      })),
  });
  const save = useMutation({
    mutationFn: async (post: boolean) => {
      if (!draft) return ledgerApi.createEntry(client, input(), post);
      const saved = await ledgerApi.updateDraft(client, draft.id, input());
      return post ? ledgerApi.postDraft(client, saved.id) : saved;
    },
    onSuccess: async (entry) => {
      await qc.invalidateQueries({ queryKey: ["entries", client] });
      await qc.invalidateQueries({ queryKey: ["entry", client] });
      navigate(`/c/${client}/ledger/entries/${entry.id}`);
    },
  });
  const totals = totalsOf(lines, scale);
  const balanced = totals.debits === totals.credits && totals.debits > 0n && totals.invalid.length === 0;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(true);
      }}
    >
      <Stack gap="md">
        <ProblemAlert error={save.error} onClose={() => save.reset()} />
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label="Date"
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
            />
            <TextInput
              label="Description"
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              placeholder="What is this entry for?"
            />
            <TextInput
              label="Reference"
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              placeholder="Invoice or cheque number"
            />
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="xs">
          <LinesEditor lines={lines} onChange={setLines} accounts={accounts.data ?? []} scale={scale} />
        </Paper>
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={() => history.back()}>
            Cancel
          </Button>
          <Button
            type="button"
            variant="default"
            loading={save.isPending && save.variables === false}
            onClick={() => save.mutate(false)}
          >
            Save as draft
          </Button>
          <Button type="submit" disabled={!balanced} loading={save.isPending && save.variables === true}>
            Post entry
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
