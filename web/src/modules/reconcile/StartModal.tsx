// Starting a reconciliation: an imported statement (its period and balances come from the file),
// or a period with the balances typed — the closing balance is needed when the file had none, the
// opening one only when neither the file nor the previous reconciliation gives it.
import { useState } from "react";
import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { reconcileApi, type AccountReconciliation } from "../../api/reconcile.ts";
import { api } from "../../api/client.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { navigate } from "../../router/router.tsx";
import { isoDate } from "../../lib/dates.ts";
import { cleanAmount } from "../../lib/money.ts";
import { problemTitle, proposedPeriod } from "./screen-model.ts";

interface Statement {
  id: string;
  fileName: string;
  start: string | null;
  end: string | null;
  firstLineDate: string | null;
  lastLineDate: string | null;
  openingBalance: string | null;
  closingBalance: string | null;
}

export function StartModal({
  client,
  account,
  onClose,
}: {
  client: string;
  account: AccountReconciliation;
  onClose: () => void;
}) {
  const proposed = proposedPeriod(account.lastReconciled?.to ?? null, isoDate());
  const [statementId, setStatementId] = useState<string | null>(null);
  const [from, setFrom] = useState(proposed.from);
  const [to, setTo] = useState(proposed.to);
  const [opening, setOpening] = useState("");
  const [closing, setClosing] = useState("");
  const queryClient = useQueryClient();
  const statements = useQuery({
    queryKey: ["statements", client, account.bankAccount.id],
    queryFn: () =>
      api
        .get<{ statements: Statement[] }>(
          `/api/clients/${encodeURIComponent(client)}/bank-accounts/${account.bankAccount.id}/statements`,
        )
        .then((r) => r.statements),
  });
  const chosen = statements.data?.find((s) => s.id === statementId) ?? null;
  const start = useMutation({
    mutationFn: () =>
      reconcileApi.start(client, {
        bankAccount: account.bankAccount.id,
        ...(chosen ? { statementId: chosen.id } : { from, to }),
        ...(cleanAmount(opening) !== undefined ? { opening: cleanAmount(opening) } : {}),
        ...(cleanAmount(closing) !== undefined ? { closing: cleanAmount(closing) } : {}),
      }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ["reconciliations", client] });
      queryClient.setQueryData(["reconciliation", client, r.id], r);
      navigate(`/c/${client}/reconcile/${r.id}`);
    },
  });
  const closingNeeded = !chosen?.closingBalance;

  return (
    <Modal opened onClose={onClose} title={`Reconcile ${account.bankAccount.name}`} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={start.error} title={problemTitle(start.error)} />
          <Select
            label="Statement"
            placeholder="None: type the period and balances"
            clearable
            value={statementId}
            onChange={(v) => {
              setStatementId(v);
              const s = statements.data?.find((x) => x.id === v);
              if (s) {
                setFrom(s.start ?? s.firstLineDate ?? from);
                setTo(s.end ?? s.lastLineDate ?? to);
              }
            }}
            data={(statements.data ?? []).map((s) => ({
              value: s.id,
              label: `${s.fileName} (${s.start ?? s.firstLineDate ?? "?"} – ${s.end ?? s.lastLineDate ?? "?"})`,
            }))}
          />
          <Group grow>
            <TextInput
              label="From"
              type="date"
              value={from}
              disabled={chosen !== null}
              onChange={(e) => setFrom(e.currentTarget.value)}
              required
            />
            <TextInput
              label="To"
              type="date"
              value={to}
              disabled={chosen !== null}
              onChange={(e) => setTo(e.currentTarget.value)}
              required
            />
          </Group>
          {chosen && !closingNeeded ? (
            <Text size="sm">
              The statement states its balances: opening {chosen.openingBalance ?? "from the previous month"},
              closing {chosen.closingBalance}.
            </Text>
          ) : (
            <>
              <TextInput
                label="Statement closing balance"
                description="As printed on the bank statement (the file does not state it)"
                inputMode="decimal"
                value={closing}
                onChange={(e) => setClosing(e.currentTarget.value)}
                required
              />
              <TextInput
                label="Statement opening balance"
                description="Leave blank to take the previous reconciliation's closing balance"
                inputMode="decimal"
                value={opening}
                onChange={(e) => setOpening(e.currentTarget.value)}
              />
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={start.isPending}>
              Start
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
