// Trial balance as of a date: each account's debit or credit balance and the totals per currency.
import { useState } from "react";
import { Button, Group, Paper, Table, TextInput } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ledgerApi } from "../../api/ledger.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Amount } from "../../components/Amount.tsx";
import { formatDate, isoDate } from "../../lib/dates.ts";

export function TrialBalancePage({ client }: { client: string }) {
  const [asOf, setAsOf] = useState(isoDate());
  const query = useQuery({
    queryKey: ["trial-balance", client, asOf],
    queryFn: () => ledgerApi.trialBalance(client, asOf || undefined),
    placeholderData: keepPreviousData,
  });
  const multi = new Set(query.data?.rows.map((r) => r.currency)).size > 1;

  return (
    <>
      <PageHeader
        title="Trial balance"
        help="ledger#trial-balance"
        subtitle={query.data ? `As of ${formatDate(query.data.asOf)}` : undefined}
        actions={
          <Button
            component="a"
            href={ledgerApi.trialBalanceCsvUrl(client, asOf)}
            download={`trial-balance-${client}-${asOf}.csv`}
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Download CSV
          </Button>
        }
      />
      <Group mb="sm">
        <TextInput
          type="date"
          label="As of"
          size="xs"
          value={asOf}
          onChange={(e) => setAsOf(e.currentTarget.value)}
        />
      </Group>
      <QueryState
        query={query}
        isEmpty={(d) => d.rows.length === 0}
        empty="No posted activity on or before this date."
      >
        {(tb) => (
          <Paper withBorder radius="md">
            <Table striped verticalSpacing={5} fz="sm" aria-label="Trial balance">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Account</Table.Th>
                  {multi && <Table.Th>Currency</Table.Th>}
                  <Table.Th ta="right" w={160}>
                    Debit
                  </Table.Th>
                  <Table.Th ta="right" w={160}>
                    Credit
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tb.rows.map((r) => (
                  <Table.Tr key={`${r.account}/${r.currency}`}>
                    <Table.Td>{r.account}</Table.Td>
                    {multi && <Table.Td>{r.currency}</Table.Td>}
                    <Table.Td ta="right">
                      <Amount value={r.balance.startsWith("-") ? "" : r.balance} blankZero />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount value={r.balance.startsWith("-") ? r.balance.slice(1) : ""} blankZero />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                {tb.totals.map((t) => (
                  <Table.Tr key={t.currency} style={{ borderTop: "2px solid var(--mantine-color-gray-4)" }}>
                    <Table.Th>Total{multi || tb.totals.length > 1 ? ` ${t.currency}` : ""}</Table.Th>
                    {multi && <Table.Th />}
                    <Table.Th ta="right">
                      <Amount value={totalSide(tb.rows, t.currency, "debit")} strong />
                    </Table.Th>
                    <Table.Th ta="right">
                      <Amount value={totalSide(tb.rows, t.currency, "credit")} strong />
                    </Table.Th>
                  </Table.Tr>
                ))}
              </Table.Tfoot>
            </Table>
          </Paper>
        )}
      </QueryState>
    </>
  );
}

/** Sum of the debit-balance (or credit-balance) column for one currency, exact in minor units. */
function totalSide(
  rows: Array<{ currency: string; balance: string }>,
  currency: string,
  side: "debit" | "credit",
): string {
  let sum = 0n;
  let scale = 2;
  for (const r of rows) if (r.balance.includes(".")) scale = Math.max(scale, r.balance.split(".")[1]!.length);
  for (const r of rows) {
    if (r.currency !== currency) continue;
    const negative = r.balance.startsWith("-");
    if ((side === "debit") === negative) continue;
    const [int = "0", frac = ""] = r.balance.replace("-", "").split(".");
    sum += BigInt(int + frac.padEnd(scale, "0"));
  }
  const digits = sum.toString().padStart(scale + 1, "0");
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
