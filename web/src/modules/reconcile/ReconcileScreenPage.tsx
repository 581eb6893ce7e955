// The reconcile screen: statement lines on the left, ledger lines on the right, each match one row
// joining its lines (several on a side for a split deposit); filters by class; the difference
// (statement closing − cleared balance) recomputed by the server after every decision; accept or
// reject a match, create a missing entry from a statement line (the bot's coding, shown as such),
// set a ledger line aside as outstanding, and complete at zero. Keys: j/k move, a accepts, r rejects.
import { useEffect, useMemo, useState } from "react";
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Tooltip } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { reconcileApi, type Reconciliation } from "../../api/reconcile.ts";
import { bankingApi } from "../../api/banking.ts";
import { transactionsApi } from "../../api/transactions.ts";
import { ledgerApi } from "../../api/ledger.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Amount } from "../../components/Amount.tsx";
import { Link, navigate } from "../../router/router.tsx";
import { formatDate } from "../../lib/dates.ts";
import { accountLabel } from "../../lib/accounts.ts";
import {
  countsOf,
  filterRows,
  isZero,
  moveSelection,
  problemTitle,
  screenRows,
  type ClassFilter,
} from "./screen-model.ts";
import { RowView, type Prediction } from "./ReconcileRow.tsx";
import { CommentsButton } from "../comms/CommentsButton.tsx";
import classes from "./Reconcile.module.css";

export function ReconcileScreenPage({ client, id }: { client: string; id: string }) {
  const query = useQuery({
    queryKey: ["reconciliation", client, id],
    queryFn: () => reconcileApi.get(client, id),
  });
  return <QueryState query={query}>{(r) => <Screen client={client} rec={r} />}</QueryState>;
}

function Screen({ client, rec }: { client: string; rec: Reconciliation }) {
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<ClassFilter>("all");
  // The selection follows its row (by key) when a decision moves the row in the list.
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const account = useQuery({
    queryKey: ["bank-account", client, rec.bankAccountId],
    queryFn: () => bankingApi.bankAccount(client, rec.bankAccountId),
  });
  const predictions = usePredictions(client, rec);
  const all = useMemo(() => screenRows(rec), [rec]);
  const rows = useMemo(() => filterRows(all, filter), [all, filter]);
  const counts = useMemo(() => countsOf(all), [all]);
  const open = rec.status === "in_progress";

  const onSaved = (r: Reconciliation) => {
    queryClient.setQueryData(["reconciliation", client, rec.id], r);
    void queryClient.invalidateQueries({ queryKey: ["reconciliations", client] });
  };
  const act = useMutation({
    mutationFn: (
      a:
        | { kind: "decide"; match: string; status: "accepted" | "rejected" }
        | { kind: "outstanding"; line: string; outstanding: boolean }
        | { kind: "entry"; bankLineId: string }
        | { kind: "complete" },
    ) => {
      switch (a.kind) {
        case "decide":
          return reconcileApi.decide(client, rec.id, a.match, a.status, rec.version);
        case "outstanding":
          return reconcileApi.outstanding(client, rec.id, a.line, a.outstanding, rec.version);
        case "entry":
          return reconcileApi.createEntry(client, rec.id, a.bankLineId);
        case "complete":
          return reconcileApi.complete(client, rec.id, rec.version);
      }
    },
    onSuccess: (r, a) => {
      onSaved(r);
      if (a.kind === "entry") void predictions.refetch();
      if (a.kind === "complete") navigate(`/c/${client}/reconcile/${r.id}/report`);
    },
  });

  const index = Math.max(
    0,
    rows.findIndex((r) => r.key === selectedKey),
  );
  const current = rows[index];
  // j/k move through the rows, a accepts and r rejects the selected match (not while typing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target instanceof HTMLInputElement
          ? !["radio", "checkbox", "button"].includes(target.type)
          : Boolean(target && (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName)));
      if (typing) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        setSelectedKey(rows[moveSelection(index, rows.length, e.key)]?.key ?? null);
      } else if ((e.key === "a" || e.key === "r") && open && current?.kind === "match" && !act.isPending) {
        e.preventDefault();
        act.mutate({
          kind: "decide",
          match: current.match.id,
          status: e.key === "a" ? "accepted" : "rejected",
        });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [index, rows, open, current, act]);
  useEffect(() => {
    document.querySelector(`[data-row-index="${index}"]`)?.scrollIntoView({ block: "nearest" });
  }, [index]);

  const zero = isZero(rec.difference);
  const name = account.data?.name ?? "Bank account";
  return (
    <>
      <PageHeader
        title={`Reconcile ${name}`}
        help="reconciliation#the-reconcile-screen"
        subtitle={`Statement ${formatDate(rec.period.from)} – ${formatDate(rec.period.to)} · ${rec.currency}${
          open ? ` · started by ${rec.startedBy.name}` : ` · ${rec.status.replace("_", " ")}`
        }`}
        actions={
          <Group gap="xs">
            <Button component={Link} href={`/c/${client}/reconcile`} variant="default" size="sm">
              All accounts
            </Button>
            <CommentsButton
              client={client}
              object={`reconciliation:${rec.id}`}
              title={`Comments: reconcile ${name}`}
            />
            {!open && (
              <Button
                component={Link}
                href={`/c/${client}/reconcile/${rec.id}/report`}
                variant="light"
                size="sm"
              >
                Report
              </Button>
            )}
            {open && (
              <Tooltip
                label={zero ? "Complete and lock the cleared lines" : "Completes only at a zero difference"}
                withArrow
              >
                <Button
                  size="sm"
                  color="teal"
                  disabled={!zero}
                  loading={act.isPending && act.variables?.kind === "complete"}
                  onClick={() => act.mutate({ kind: "complete" })}
                >
                  Complete reconciliation
                </Button>
              </Tooltip>
            )}
          </Group>
        }
      />
      <ProblemAlert error={act.error} title={problemTitle(act.error)} onClose={() => act.reset()} />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="md" spacing="xs">
        <Figure label="Opening balance" value={rec.opening} />
        <Figure label="Cleared deposits" value={rec.clearedDeposits} />
        <Figure label="Cleared payments" value={rec.clearedPayments} />
        <Figure label="Cleared balance" value={rec.clearedBalance} />
        <Figure label="Statement closing balance" value={rec.closing} />
        <Paper withBorder p="xs" radius="sm" bg={zero ? "teal.0" : "red.0"} aria-live="polite">
          <Text size="xs" c="dimmed">
            Difference
          </Text>
          <Text fw={700} fz="lg" c={zero ? "teal.8" : "red.8"} data-testid="difference" ff="monospace">
            {rec.difference}
          </Text>
        </Paper>
      </SimpleGrid>
      <Group justify="space-between" mb="xs">
        <SegmentedControl
          value={filter}
          onChange={(v) => {
            setFilter(v as ClassFilter);
            setSelectedKey(null);
          }}
          aria-label="Show"
          data={[
            { value: "all", label: `All (${counts.all})` },
            { value: "confident", label: `Confident (${counts.confident})` },
            { value: "possible", label: `Possible (${counts.possible})` },
            { value: "none", label: `No match (${counts.none})` },
          ]}
        />
        <Text size="xs" c="dimmed">
          j / k move · a accept · r reject
        </Text>
      </Group>
      <div className={classes.head} aria-hidden>
        <Text size="xs" fw={600}>
          Statement
        </Text>
        <span />
        <Text size="xs" fw={600}>
          Books (ledger)
        </Text>
        <Text size="xs" fw={600}>
          Match
        </Text>
      </div>
      <Stack gap={4} role="list" aria-label="Statement and ledger lines">
        {rows.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            Nothing in this view.
          </Text>
        )}
        {rows.map((row, i) => (
          <RowView
            key={row.key}
            row={row}
            index={i}
            selected={i === index}
            open={open}
            busy={act.isPending}
            prediction={row.kind === "statement" ? predictions.byLine.get(row.line.id) : undefined}
            onSelect={() => setSelectedKey(row.key)}
            onDecide={(match, status) => act.mutate({ kind: "decide", match, status })}
            onOutstanding={(line, outstanding) => act.mutate({ kind: "outstanding", line, outstanding })}
            onCreateEntry={(bankLineId) => act.mutate({ kind: "entry", bankLineId })}
          />
        ))}
      </Stack>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>
        <Amount value={value} />
      </Text>
    </Paper>
  );
}

/**
 * The bot's coding of the statement lines nobody matched (their transactions, still to review),
 * so "Create entry" says what it will post: the predicted account and the confidence.
 */
function usePredictions(client: string, rec: Reconciliation) {
  const wanted = rec.status === "in_progress" && rec.unmatched.statement.length > 0;
  const txs = useQuery({
    queryKey: ["reconcile-predictions", client, rec.bankAccountId, rec.period.from, rec.period.to],
    queryFn: () =>
      transactionsApi.list(client, {
        tab: "needs_review",
        bankAccountId: rec.bankAccountId,
        from: rec.period.from,
        to: rec.period.to,
        limit: 500,
      }),
    enabled: wanted,
  });
  const accounts = useQuery({
    queryKey: ["accounts", client],
    queryFn: () => ledgerApi.accounts(client),
    enabled: wanted,
    staleTime: 60_000,
  });
  const byLine = useMemo(() => {
    const names = new Map((accounts.data ?? []).map((a) => [a.id, accountLabel(a.number, a.name)]));
    const m = new Map<string, Prediction>();
    for (const t of txs.data?.transactions ?? []) {
      const accountId = t.coding.accountId ?? t.prediction.coding.accountId;
      m.set(t.bankLineId, {
        account: accountId ? (names.get(accountId) ?? "an account") : null,
        confidence: t.prediction.confidence,
        method: t.prediction.method,
      });
    }
    return m;
  }, [txs.data, accounts.data]);
  return { byLine, refetch: txs.refetch };
}
