// The reconciliation report on screen, as the CSV and PDF give it: opening balance, cleared deposits
// and payments, cleared balance against the statement's closing balance, what is outstanding on
// each side, the difference, who started and completed it — with both files to download.
import { Anchor, Button, Group, Table, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import {
  reconcileApi,
  type LedgerSide,
  type Reconciliation,
  type StatementSide,
} from "../../api/reconcile.ts";
import { bankingApi } from "../../api/banking.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Amount } from "../../components/Amount.tsx";
import { Link } from "../../router/router.tsx";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { fromMinor, toMinor } from "../../lib/money.ts";

/** Exact sum of decimal strings at the currency's scale (read off the opening balance). */
const sum = (lines: Array<{ amount: string }>, scale: number) =>
  fromMinor(
    lines.reduce((t, l) => t + (toMinor(l.amount, scale) ?? 0n), 0n),
    scale,
  );

export function ReconciliationReportPage({ client, id }: { client: string; id: string }) {
  const query = useQuery({
    queryKey: ["reconciliation", client, id],
    queryFn: () => reconcileApi.get(client, id),
  });
  return <QueryState query={query}>{(r) => <Report client={client} r={r} />}</QueryState>;
}

function Report({ client, r }: { client: string; r: Reconciliation }) {
  const account = useQuery({
    queryKey: ["bank-account", client, r.bankAccountId],
    queryFn: () => bankingApi.bankAccount(client, r.bankAccountId),
  });
  const outIn = r.unmatched.ledger.filter((l) => !l.amount.startsWith("-"));
  const outOut = r.unmatched.ledger.filter((l) => l.amount.startsWith("-"));
  const cleared = r.matches.filter((m) => m.status === "accepted").flatMap((m) => m.ledger);
  const scale = (r.opening.split(".")[1] ?? "").length;
  const figures: Array<[string, string, boolean?]> = [
    ["Opening balance", r.opening],
    ["Cleared deposits", r.clearedDeposits],
    ["Cleared payments", r.clearedPayments],
    ["Cleared balance", r.clearedBalance, true],
    ["Statement closing balance", r.closing, true],
    ["Outstanding deposits", sum(outIn, scale)],
    ["Outstanding checks and payments", sum(outOut, scale)],
    ["Statement lines not in the books", sum(r.unmatched.statement, scale)],
    ["Difference", r.difference, true],
  ];
  return (
    <>
      <PageHeader
        title="Reconciliation report"
        help="reconciliation#the-report"
        subtitle={`${account.data?.name ?? "Bank account"} · ${formatDate(r.period.from)} – ${formatDate(r.period.to)} · ${r.currency}`}
        actions={
          <Group gap="xs">
            <Button component={Link} href={`/c/${client}/reconcile`} variant="default" size="sm">
              All accounts
            </Button>
            {r.status === "in_progress" && (
              <Button component={Link} href={`/c/${client}/reconcile/${r.id}`} variant="light" size="sm">
                Back to the screen
              </Button>
            )}
            <Button
              component="a"
              href={reconcileApi.reportUrl(client, r.id, "csv")}
              download
              size="sm"
              variant="light"
              leftSection={<IconDownload size={14} />}
            >
              CSV
            </Button>
            <Button
              component="a"
              href={reconcileApi.reportUrl(client, r.id, "pdf")}
              download
              size="sm"
              variant="light"
              leftSection={<IconDownload size={14} />}
            >
              PDF
            </Button>
          </Group>
        }
      />
      <Text size="sm" mb="md" data-testid="report-status">
        {r.status === "completed" && r.completedBy && r.completedAt
          ? `Completed by ${r.completedBy.name} on ${formatDateTime(r.completedAt)}`
          : r.status === "in_progress"
            ? `In progress, started by ${r.startedBy.name} on ${formatDateTime(r.startedAt)}: the figures may still change`
            : `Unreconciled on ${formatDateTime(r.unreconciledAt ?? r.startedAt)}: ${r.unreconcileReason ?? ""}`}
      </Text>
      <Table aria-label="Reconciliation summary" maw={560} mb="lg">
        <Table.Tbody>
          {figures.map(([label, value, strong]) => (
            <Table.Tr key={label}>
              <Table.Td fw={strong ? 600 : undefined}>{label}</Table.Td>
              <Table.Td style={{ textAlign: "right" }}>
                <Amount value={value} strong={strong} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Lines title="Outstanding deposits" lines={outIn} />
      <Lines title="Outstanding checks and payments" lines={outOut} />
      <Lines title="Statement lines not in the books" lines={r.unmatched.statement} />
      <Lines title="Cleared" lines={cleared} />
      <Anchor component={Link} href={`/c/${client}/reconcile`} size="sm">
        Back to all accounts
      </Anchor>
    </>
  );
}

function Lines({ title, lines }: { title: string; lines: Array<LedgerSide | StatementSide> }) {
  if (lines.length === 0) return null;
  return (
    <>
      <Title order={3} fz="md" mb="xs">
        {title} ({lines.length})
      </Title>
      <Table aria-label={title} mb="lg" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Reference</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th style={{ textAlign: "right" }}>Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{formatDate(l.date)}</Table.Td>
              <Table.Td>{"reference" in l ? (l.reference ?? "") : ""}</Table.Td>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td style={{ textAlign: "right" }}>
                <Amount value={l.amount} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
