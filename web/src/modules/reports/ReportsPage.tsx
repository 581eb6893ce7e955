// The Reports page of a client: pick a statement, its period, columns and comparison; read it with
// sections and parents folding; click a figure for the ledger lines behind it; download it. One
// request per report shown (the fiscal year start is read once per client and cached).
import { useCallback, useState } from "react";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { reportsApi, type ProfitLoss } from "../../api/reports.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDate, isoDate } from "../../lib/dates.ts";
import { navigate, useLocation } from "../../router/router.tsx";
import { ReportControls } from "./ReportControls.tsx";
import { ReportTable, type DrillTarget } from "./ReportTable.tsx";
import { DrillDrawer } from "./DrillDrawer.tsx";
import { ProfitLossChart } from "./ProfitLossChart.tsx";
import { ExportButtons } from "./ExportButtons.tsx";
import { ReportsTabs } from "./ReportsTabs.tsx";
import { apiQuery, parseSelection, rangeOf, REPORTS, toSearch, type Selection } from "./report-params.ts";
import { chartPoints, collapsibleKeys, reportView } from "./report-model.ts";

export function ReportsPage({ client }: { client: string }) {
  const today = isoDate();
  const { pathname, search } = useLocation();
  const settings = useQuery({
    queryKey: ["report-settings", client],
    queryFn: () => reportsApi.settings(client),
    staleTime: 5 * 60_000,
  });
  // Until the setting is known (or if it cannot be read) the fiscal year starts in January.
  const fyStart = settings.data?.fiscalYearStart ?? 1;
  const selection = parseSelection(search, today, fyStart);
  const query = apiQuery(selection, today, fyStart);
  const report = useQuery({
    queryKey: ["report", client, selection.report, query],
    // The answer carries what was asked, so a previous report kept on screen while the next loads
    // is drawn as what it is.
    queryFn: async () => {
      const kind = selection.report;
      const by = typeof query?.by === "string" ? query.by : undefined;
      const body = await reportsApi.report(client, kind, query!);
      return { kind, by, body, view: reportView(kind, body, by) };
    },
    enabled: query !== null && !settings.isPending,
    placeholderData: keepPreviousData,
  });
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const change = (next: Selection) => navigate(`${pathname}${toSearch(next)}`, { replace: true });
  // Stable, so the table's memoised rows do not all redraw when one section folds.
  const toggle = useCallback(
    (key: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [setCollapsed],
  );
  const title = REPORTS.find((r) => r.value === selection.report)!.label;
  const range = rangeOf(selection, today, fyStart);
  const period =
    selection.report === "balance-sheet"
      ? `As of ${formatDate(range.to)}`
      : `${formatDate(range.from)} – ${formatDate(range.to)}`;

  return (
    <>
      <PageHeader
        title="Reports"
        help="reports#using-the-reports-page"
        subtitle={`${title} · ${period}${report.data ? ` · ${report.data.view.currency}` : ""}`}
        actions={<ExportButtons client={client} kind={selection.report} query={query} />}
      />
      <ReportsTabs client={client} current="statements" />
      <ReportControls selection={selection} onChange={change} />
      <QueryState query={report}>
        {({ kind, by, body, view }) => (
          <Stack gap="sm">
            {view.warnings.map((w) => (
              <Alert key={w} color="yellow" variant="light">
                {w}
              </Alert>
            ))}
            {kind === "profit-loss" && by === "month" && (
              <ProfitLossChart points={chartPoints(body as ProfitLoss)} />
            )}
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                Click a figure to see the ledger lines behind it.
              </Text>
              <Group gap="xs">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setCollapsed(new Set(collapsibleKeys(view)))}
                >
                  Collapse all
                </Button>
                <Button size="compact-xs" variant="subtle" onClick={() => setCollapsed(new Set())}>
                  Expand all
                </Button>
              </Group>
            </Group>
            <ReportTable
              title={REPORTS.find((r) => r.value === kind)!.label}
              view={view}
              collapsed={collapsed}
              onToggle={toggle}
              onDrill={setDrill}
            />
          </Stack>
        )}
      </QueryState>
      <DrillDrawer client={client} target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
