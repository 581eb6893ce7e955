// Downloads of the report on screen: the same address with format=csv, xlsx or pdf, so the file
// has exactly the figures shown (the server names the file after client, report and period).
import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { Query } from "../../api/client.ts";
import { reportsApi, type ExportFormat, type ReportKind } from "../../api/reports.ts";

const FORMATS: Array<{ format: ExportFormat; label: string }> = [
  { format: "csv", label: "CSV" },
  { format: "xlsx", label: "Excel" },
  { format: "pdf", label: "PDF" },
];

export function ExportButtons({
  client,
  kind,
  query,
}: {
  client: string;
  kind: ReportKind;
  query: Query | null;
}) {
  return (
    <>
      {FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          component="a"
          href={query ? reportsApi.exportUrl(client, kind, query, format) : undefined}
          download
          variant="default"
          size="xs"
          disabled={!query}
          leftSection={<IconDownload size={14} />}
          aria-label={`Download ${label}`}
        >
          {label}
        </Button>
      ))}
    </>
  );
}
