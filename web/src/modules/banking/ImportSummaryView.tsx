// The import wizard's last step: what the import added, what it skipped as already there, and what
// deserves a look.
import { Alert, Card, SimpleGrid, Text } from "@mantine/core";
import type { ImportSummary } from "../../api/banking.ts";

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const figures = [
    ["New lines", summary.newLines],
    ["Duplicates skipped", summary.duplicateLines],
    ["Warnings", summary.warnings.length],
  ] as const;
  return (
    <>
      <Text mb="sm">
        {summary.file.name} → {summary.bankAccount.name}: {summary.totalLines} line
        {summary.totalLines === 1 ? "" : "s"} in {summary.statements} statement
        {summary.statements === 1 ? "" : "s"}
        {summary.period ? `, ${summary.period.from} to ${summary.period.to}` : ""}.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mb="md" role="group" aria-label="Import summary">
        {figures.map(([label, n]) => (
          <Card key={label} withBorder radius="md" padding="md" aria-label={label}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text fz={28} fw={600}>
              {n.toLocaleString("en-US")}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {summary.file.alreadyImported && (
        <Alert color="blue" variant="light" mb="sm" role="status">
          This exact file had been imported before; nothing was added twice.
        </Alert>
      )}
      {summary.mappingSaved && (
        <Text size="sm" c="dimmed" mb="sm">
          The column layout was saved for {summary.bankAccount.name}: its next CSV files are read the same
          way.
        </Text>
      )}
      {summary.warnings.length > 0 && (
        <Alert color="orange" variant="light" title="Warnings" mb="sm">
          {summary.warnings.map((w) => (
            <Text key={w} size="sm">
              {w}
            </Text>
          ))}
        </Alert>
      )}
    </>
  );
}
