// The statement import wizard: upload → the detected format and the first lines (for CSV, the column
// mapping with a live preview) → import with progress → summary (new, duplicates skipped, warnings).
// Nothing is saved before the import step; an import that fails changes nothing.
import { useState } from "react";
import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Stepper,
  Text,
} from "@mantine/core";
import { IconFileUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  bankingApi,
  type CsvGrid,
  type CsvMapping,
  type ImportSummary,
  type Preview,
} from "../../api/banking.ts";
import { ApiError } from "../../api/problem.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { Link, useLocation } from "../../router/router.tsx";
import { blankMapping, CsvMappingEditor } from "./CsvMappingEditor.tsx";
import { ImportSummaryView } from "./ImportSummaryView.tsx";
import { PreviewPanel } from "./PreviewPanel.tsx";

const ACCEPT = ".ofx,.qfx,.qif,.csv,.txt,.xml,.sta,.940,.942,.mt940,.bai,.bai2,.pdf,.zip";

/** The CSV grid a refused preview carries (problem+json extension), so the mapping can be fixed. */
function gridOf(error: unknown): (CsvGrid & { mapping: CsvMapping | null }) | null {
  if (!(error instanceof ApiError)) return null;
  const csv = error.problem.csv as (CsvGrid & { mapping: CsvMapping | null }) | undefined;
  return csv && Array.isArray(csv.columns) ? csv : null;
}

export function ImportWizard({ client }: { client: string }) {
  const { search } = useLocation();
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const [account, setAccount] = useState<string | null>(search.get("account"));
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<CsvMapping | null>(null);
  const [progress, setProgress] = useState(0);
  const overview = useQuery({
    queryKey: ["bank-accounts", client],
    queryFn: () => bankingApi.overview(client),
  });
  const preview = useMutation<Preview, Error, CsvMapping | null>({
    mutationFn: (m) => bankingApi.preview(client, file!, { bankAccount: account ?? undefined, mapping: m }),
  });
  const run = useMutation<ImportSummary>({
    mutationFn: () => bankingApi.importFile(client, file!, { bankAccount: account!, mapping }, setProgress),
    onMutate: () => {
      setProgress(0);
      setStep(2);
    },
    onSuccess: () => {
      setStep(3);
      void qc.invalidateQueries({ queryKey: ["bank-accounts", client] });
    },
    onError: () => setStep(1),
  });

  const accounts = (overview.data?.bankAccounts ?? []).filter((a) => a.isActive);
  const chosen = accounts.find((a) => a.shortName === account || a.id === account);
  const grid = preview.data?.csv ?? gridOf(preview.error);
  const editing = grid ? (mapping ?? preview.data?.csv?.mapping ?? grid.mapping ?? blankMapping(grid)) : null;
  const restart = () => {
    setStep(0);
    setFile(null);
    setMapping(null);
    preview.reset();
    run.reset();
  };

  return (
    <>
      <PageHeader
        title="Import a statement"
        help="banking#importing-a-statement"
        subtitle="OFX, QFX, QIF, CSV, CAMT.052/053/054, MT940, BAI2 and PDF statements, or a zip of them"
      />
      <Stepper active={step === 3 ? 4 : step} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label="Upload" description="Account and file" />
        <Stepper.Step label="Preview" description="Format, lines, columns" />
        <Stepper.Step label="Import" description="Storing the lines" />
        <Stepper.Step label="Summary" description="New and skipped" />
      </Stepper>

      {step === 0 && (
        <Paper withBorder radius="md" p="md" maw={640}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setMapping(null);
              preview.mutate(null, { onSettled: () => setStep(1) });
            }}
          >
            <Stack gap="sm">
              <Select
                label="Bank account"
                required
                searchable
                allowDeselect={false}
                value={chosen?.shortName ?? null}
                onChange={setAccount}
                data={accounts.map((a) => ({
                  value: a.shortName,
                  label: `${a.name}${a.mask ? ` ••${a.mask}` : ""} (${a.currency})`,
                }))}
                nothingFoundMessage="No bank account: add one on the Smart Connect page"
              />
              <FileInput
                label="Statement file"
                required
                accept={ACCEPT}
                value={file}
                onChange={setFile}
                placeholder="Choose a file"
                leftSection={<IconFileUpload size={16} />}
                clearable
              />
              <Group justify="space-between" mt="xs">
                <Button component={Link} href={`/c/${client}/banking`} variant="default">
                  Cancel
                </Button>
                <Button type="submit" disabled={!file || !chosen} loading={preview.isPending}>
                  Preview
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}

      {step === 1 && (
        <Stack gap="md">
          <ProblemAlert
            error={run.error ?? (preview.isPending ? null : preview.error)}
            title={
              run.error
                ? "The file was not imported; nothing was changed"
                : "The file cannot be read as it is"
            }
          />
          {preview.data && <PreviewPanel preview={preview.data} />}
          {grid && editing && (
            <CsvMappingEditor
              grid={grid}
              mapping={editing}
              onChange={(m) => {
                setMapping(m);
                preview.mutate(m);
              }}
            />
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={restart}>
              Back
            </Button>
            <Button
              onClick={() => run.mutate()}
              disabled={!preview.data || preview.isPending || Boolean(preview.data?.blocked)}
            >
              {preview.data
                ? `Import ${preview.data.totalLines} line${preview.data.totalLines === 1 ? "" : "s"}`
                : "Import"}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 2 && (
        <Paper withBorder radius="md" p="md" maw={640} role="status" aria-label="Import progress">
          <Text mb="xs">
            {progress < 1
              ? `Uploading ${file?.name} — ${Math.round(progress * 100)}%`
              : `Storing the lines of ${file?.name} in ${chosen?.name}…`}
          </Text>
          <Progress
            value={progress < 1 ? progress * 100 : 100}
            animated={progress >= 1}
            striped={progress >= 1}
            aria-label="Progress"
          />
        </Paper>
      )}

      {step === 3 && run.data && (
        <Stack gap="md">
          <ImportSummaryView summary={run.data} />
          <Group>
            <Button component={Link} href={`/c/${client}/banking/accounts/${run.data.bankAccount.shortName}`}>
              View bank lines
            </Button>
            <Button variant="default" onClick={restart}>
              Import another file
            </Button>
            <Button component={Link} href={`/c/${client}/banking`} variant="subtle">
              Back to Smart Connect
            </Button>
          </Group>
        </Stack>
      )}
      {step === 1 && !preview.data && !preview.error && preview.isPending && (
        <Alert variant="light">Reading the file…</Alert>
      )}
    </>
  );
}
