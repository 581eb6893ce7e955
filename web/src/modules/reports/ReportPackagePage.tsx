// The Standard Monthly Report Package of a client: pick a month, generate it (a job: the bar
// follows its progress), download any version made so far, and set what the next one holds. A server without the package
// routes says so instead of failing.
import { useEffect, useState } from "react";
import { Alert, Button, Group, Progress, Select, Text } from "@mantine/core";
import { IconPackage } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { packagesApi } from "../../api/reports.ts";
import { useHasPath } from "../../api/openapi.ts";
import { ApiError } from "../../api/problem.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { isoDate } from "../../lib/dates.ts";
import { useCan } from "../../app/session.tsx";
import { ReportsTabs } from "./ReportsTabs.tsx";
import { PackageVersionsTable } from "./PackageVersionsTable.tsx";
import { PackageSettingsPanel } from "./PackageSettingsPanel.tsx";
import { lastMonth, monthLabel, recentMonths } from "./period-model.ts";
import { jobState, progressPercent } from "./package-model.ts";

const POLL_MS = 1000;

function NotAvailable() {
  return (
    <Alert color="gray" variant="light" title="Report packages are not available on this server">
      This version of Closebook cannot generate the monthly report package yet. The statements are available
      under Statements, and each can be downloaded as CSV, Excel or PDF.
    </Alert>
  );
}

export function ReportPackagePage({ client }: { client: string }) {
  const today = isoDate();
  const [month, setMonth] = useState(lastMonth(today));
  const [jobId, setJobId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  // Generating is the firm's work (Partner Admin, Partner Ops); everyone here reads and downloads.
  const mayGenerate = useCan()("reports.package");
  const hasRoutes = useHasPath("/api/clients/{client}/report-packages");
  const versions = useQuery({
    queryKey: ["report-packages", client],
    queryFn: () => packagesApi.list(client),
    enabled: hasRoutes === true,
    // A version still generating (started here or elsewhere) is followed until it is ready.
    refetchInterval: (q) =>
      q.state.data?.some((p) => jobState(p.status) === "running") ? 2 * POLL_MS : false,
    retry: (count, e) => !(e instanceof ApiError && e.status === 404) && count < 2,
  });
  const generate = useMutation({
    mutationFn: () => packagesApi.generate(client, month),
    onSuccess: (job) => {
      setJobId(job.id);
      void queryClient.invalidateQueries({ queryKey: ["report-packages", client] });
    },
  });
  const job = useQuery({
    queryKey: ["report-package", client, jobId],
    queryFn: () => packagesApi.get(client, jobId!),
    enabled: jobId !== null,
    // Poll until the job finishes.
    refetchInterval: (q) => (q.state.data && jobState(q.state.data.status) !== "running" ? false : POLL_MS),
  });
  const jobStatus = job.data?.status;
  // When it finishes, the versions list is read again to show the new version.
  useEffect(() => {
    if (jobStatus && jobState(jobStatus) !== "running")
      void queryClient.invalidateQueries({ queryKey: ["report-packages", client] });
  }, [jobStatus, client, queryClient]);
  const missing =
    hasRoutes === false || (versions.error instanceof ApiError && versions.error.status === 404);
  const running =
    generate.isPending || (jobId !== null && (!job.data || jobState(job.data.status) === "running"));

  return (
    <>
      <PageHeader
        title="Report package"
        help="reports#the-report-package"
        subtitle="Standard Monthly Report Package"
      />
      <ReportsTabs client={client} current="package" />
      {missing ? (
        <NotAvailable />
      ) : (
        <>
          <Group align="flex-end" mb="md">
            <Select
              label="Month"
              size="xs"
              w={180}
              allowDeselect={false}
              value={month}
              onChange={(v) => v && setMonth(v)}
              data={recentMonths(today).map((m) => ({ value: m, label: monthLabel(m) }))}
            />
            {mayGenerate && (
              <Button
                size="xs"
                leftSection={<IconPackage size={16} />}
                loading={generate.isPending}
                disabled={running || hasRoutes !== true}
                onClick={() => generate.mutate()}
              >
                Generate package
              </Button>
            )}
          </Group>
          <ProblemAlert error={generate.error} title="The package was not started" />
          {jobId !== null && (
            <div style={{ maxWidth: 480 }}>
              <Text size="sm" mb={4}>
                {job.data
                  ? jobState(job.data.status) === "done"
                    ? `Version ${job.data.version} of ${monthLabel(job.data.month)} is ready.`
                    : jobState(job.data.status) === "failed"
                      ? `The package could not be generated${job.data.error ? `: ${job.data.error}` : "."}`
                      : `Generating ${monthLabel(month)}…${job.data.stage ? ` (${job.data.stage})` : ""}`
                  : `Generating ${monthLabel(month)}…`}
              </Text>
              <Progress
                value={job.data ? progressPercent(job.data) : 0}
                color={job.data && jobState(job.data.status) === "failed" ? "red" : undefined}
                animated={running}
                aria-label="Package generation progress"
                mb="md"
              />
            </div>
          )}
          <PackageVersionsTable client={client} query={versions} />
          {hasRoutes === true && <PackageSettingsPanel client={client} editable={mayGenerate} />}
        </>
      )}
    </>
  );
}
