// The import wizard's preview: the detected format, the statements found (and which the chosen
// account takes), the first lines as they will be stored, and anything that needs a look first.
import { Alert, Badge, Group, Paper, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import type { Preview } from "../../api/banking.ts";
import { Amount } from "../../components/Amount.tsx";
import { FORMAT_LABELS, formatBytes, formatDate } from "./format.ts";

export function PreviewPanel({ preview }: { preview: Preview }) {
  const chosen = preview.statements.filter((s) => s.chosen);
  return (
    <>
      <Group gap="xs" mb="sm">
        <Text fw={600}>{preview.fileName}</Text>
        <Badge variant="light" tt="none" aria-label="Detected format">
          {FORMAT_LABELS[preview.format] ?? preview.format}
        </Badge>
        <Text size="sm" c="dimmed">
          {/* A PDF's text has no character set of its own to show. */}
          {formatBytes(preview.size)} · {preview.format === "pdf" ? "" : `${preview.encoding} · `}
          {preview.totalLines} line
          {preview.totalLines === 1 ? "" : "s"} in {chosen.length} statement{chosen.length === 1 ? "" : "s"}
        </Text>
      </Group>
      {preview.statements.length === 1 && <StatementFigures s={preview.statements[0]!} />}
      {preview.blocked && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="This file cannot go into this account"
          mb="sm"
          role="alert"
        >
          {preview.blocked.detail}
          {preview.blocked.line !== null ? ` (line ${preview.blocked.line})` : ""}
        </Alert>
      )}
      {preview.alreadyImported && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="sm" role="status">
          This exact file was imported into this account on {formatDate(preview.alreadyImported.importedAt)}.
          Importing it again adds nothing: every line will be skipped as a duplicate.
        </Alert>
      )}
      {preview.warnings.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="Check before importing"
          mb="sm"
        >
          {preview.warnings.map((w) => (
            <Text key={w} size="sm">
              {w}
            </Text>
          ))}
        </Alert>
      )}
      {preview.statements.length > 1 && (
        <Table fz="sm" mb="sm" aria-label="Statements" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Account</Table.Th>
              <Table.Th>Period</Table.Th>
              <Table.Th ta="right">Closing balance</Table.Th>
              <Table.Th ta="right">Lines</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.statements.map((s) => (
              <Table.Tr key={s.position} c={s.chosen ? undefined : "dimmed"}>
                <Table.Td>
                  {s.account ?? "—"} {s.currency ?? ""}
                </Table.Td>
                <Table.Td>{s.start && s.end ? `${s.start} – ${s.end}` : "—"}</Table.Td>
                <Table.Td ta="right">
                  <Amount value={s.closingBalance} />
                </Table.Td>
                <Table.Td ta="right">{s.lines}</Table.Td>
                <Table.Td>{s.chosen ? "" : "skipped"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Paper withBorder radius="md">
        <Table striped fz="sm" verticalSpacing={4} aria-label="First lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>Line</Table.Th>
              <Table.Th w={110}>Date</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th>Payee</Table.Th>
              <Table.Th>Reference</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.lines.map((l, i) => (
              <Table.Tr key={i}>
                <Table.Td c="dimmed">{l.line ?? ""}</Table.Td>
                <Table.Td ff="monospace">{l.date}</Table.Td>
                <Table.Td>{l.description}</Table.Td>
                <Table.Td>{l.payee ?? ""}</Table.Td>
                <Table.Td>{l.reference ?? ""}</Table.Td>
                <Table.Td ta="right">
                  <Amount value={l.amount} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {preview.lines.length < preview.totalLines && (
          <Text size="xs" c="dimmed" p="xs">
            The first {preview.lines.length} of {preview.totalLines} lines.
          </Text>
        )}
        {preview.totalLines === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            The statement holds no transactions (its balances are kept).
          </Text>
        )}
      </Paper>
    </>
  );
}

/** One statement's period and balances (a PDF's were checked against its lines when it was read). */
function StatementFigures({ s }: { s: Preview["statements"][number] }) {
  if (!s.start && !s.end && s.openingBalance === null && s.closingBalance === null) return null;
  return (
    <Group gap="lg" mb="sm" aria-label="Statement">
      {s.start && s.end && (
        <Text size="sm">
          Period {formatDate(s.start)} – {formatDate(s.end)}
        </Text>
      )}
      {s.openingBalance !== null && (
        <Text size="sm">
          Opening balance <Amount value={s.openingBalance} />
        </Text>
      )}
      {s.closingBalance !== null && (
        <Text size="sm">
          Closing balance <Amount value={s.closingBalance} />
        </Text>
      )}
    </Group>
  );
}
