// Every package generated for the client: month, version, who made it and when, from which ledger
// version, and its PDF and workbook once ready.
import { Anchor, Group, Paper, Progress, Table, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { packagesApi, type ReportPackage } from "../../api/reports.ts";
import { QueryState } from "../../components/QueryState.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { monthLabel } from "./period-model.ts";
import { jobState, madeAt, madeBy, progressPercent, sortVersions } from "./package-model.ts";

function Downloads({ client, p }: { client: string; p: ReportPackage }) {
  const state = jobState(p.status);
  if (state === "running") return <Progress value={progressPercent(p)} w={120} size="sm" animated />;
  if (state === "failed")
    return (
      <Text size="xs" c="red.8">
        {p.error ?? "Not generated"}
      </Text>
    );
  const label = `${monthLabel(p.month)} version ${p.version}`;
  return (
    <Group gap="sm">
      <Anchor
        href={packagesApi.fileUrl(client, p.id, "pdf")}
        download
        size="sm"
        aria-label={`PDF of ${label}`}
      >
        PDF
      </Anchor>
      <Anchor
        href={packagesApi.fileUrl(client, p.id, "xlsx")}
        download
        size="sm"
        aria-label={`Excel of ${label}`}
      >
        Excel
      </Anchor>
    </Group>
  );
}

export function PackageVersionsTable({
  client,
  query,
}: {
  client: string;
  query: UseQueryResult<ReportPackage[]>;
}) {
  return (
    <QueryState
      query={query}
      isEmpty={(list) => list.length === 0}
      empty="No package has been generated yet."
    >
      {(list) => (
        <Paper withBorder radius="md">
          <Table verticalSpacing={5} fz="sm" aria-label="Package versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Made by</Table.Th>
                <Table.Th>Made at</Table.Th>
                <Table.Th>Ledger version</Table.Th>
                <Table.Th>Download</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortVersions(list).map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{monthLabel(p.month)}</Table.Td>
                  <Table.Td>{p.version}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td>{madeBy(p)}</Table.Td>
                  <Table.Td>{madeAt(p) ? formatDateTime(madeAt(p)) : ""}</Table.Td>
                  <Table.Td ff="monospace">{p.ledgerVersion ?? ""}</Table.Td>
                  <Table.Td>
                    <Downloads client={client} p={p} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </QueryState>
  );
}
