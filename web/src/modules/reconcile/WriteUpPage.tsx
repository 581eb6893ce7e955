// Write-up batch: many statement files of one bank account uploaded at once, then imported, posted
// and reconciled month by month by the server. The page shows the upload, asks about the automation
// start date when the server does (409 with the dates), polls the batch for its progress (files,
// months) and ends with what needs a person.
import { useState } from "react";
import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { bankingApi } from "../../api/banking.ts";
import { ApiError } from "../../api/problem.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { autoApi, type WriteUp } from "./auto-api.ts";

type StartChoice = "move-back" | "keep";

export function WriteUpPage({ client }: { client: string }) {
  const accounts = useQuery({
    queryKey: ["bank-accounts", client],
    queryFn: () => bankingApi.overview(client),
  });
  const [bankAccount, setBankAccount] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ask, setAsk] = useState<{ detail: string } | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const batch = useQuery({
    queryKey: ["write-up", client, batchId],
    queryFn: () => autoApi.writeUp(client, batchId!),
    enabled: batchId !== null,
    // Polled until the job is done.
    refetchInterval: (q) => (q.state.data && ["done", "failed"].includes(q.state.data.status) ? false : 1000),
  });

  async function send(startDate?: StartChoice) {
    if (!bankAccount || files.length === 0) return;
    setError(null);
    setAsk(null);
    setSent(0);
    try {
      const b = await autoApi.startWriteUp(client, { bankAccount, startDate, files }, setSent);
      setBatchId(b.id);
    } catch (e) {
      if (e instanceof ApiError && e.code === "reconcile/write-up-start-date")
        setAsk({ detail: e.problem.detail });
      else setError(e);
    } finally {
      setSent(null);
    }
  }

  return (
    <Stack>
      <PageHeader
        title="Write-up"
        help="reconciliation#write-up-batches-a-year-at-once"
        subtitle="Upload a year of statements of one account: Closebook imports, posts and reconciles them month by month."
      />
      {batchId === null && (
        <Paper withBorder p="md">
          <Stack>
            <Select
              label="Bank or card account"
              placeholder="Choose the account"
              data={(accounts.data?.bankAccounts ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={bankAccount}
              onChange={setBankAccount}
            />
            <Group>
              <FileButton onChange={setFiles} multiple>
                {(props) => (
                  <Button {...props} variant="default" leftSection={<IconUpload size={16} />}>
                    Choose statement files
                  </Button>
                )}
              </FileButton>
              <Text size="sm" c="dimmed">
                {files.length === 0
                  ? "Any supported format, many files at once"
                  : `${files.length} file(s) chosen`}
              </Text>
            </Group>
            {files.length > 0 && <Text size="sm">{files.map((f) => f.name).join(", ")}</Text>}
            {ask && (
              <Alert color="yellow" title="Statements before the automation start date">
                <Stack gap="xs">
                  <Text size="sm">{ask.detail}</Text>
                  <Group>
                    <Button size="xs" onClick={() => send("move-back")}>
                      Move the start date back
                    </Button>
                    <Button size="xs" variant="default" onClick={() => send("keep")}>
                      Keep it (earlier lines stay in Excluded)
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            {error !== null && <ProblemAlert error={error} onClose={() => setError(null)} />}
            {sent !== null && <Progress value={sent * 100} aria-label="Upload" />}
            <Group justify="flex-end">
              <Button
                disabled={!bankAccount || files.length === 0}
                loading={sent !== null}
                onClick={() => send()}
              >
                Write up
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {batch.isError && <ProblemAlert error={batch.error} />}
      {batch.data && <BatchView batch={batch.data} />}
    </Stack>
  );
}

const percent = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 100));

function BatchView({ batch }: { batch: WriteUp }) {
  const p = batch.progress;
  const finished = batch.status === "done" || batch.status === "failed";
  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>{batch.bankAccount.name}</Text>
            <Badge color={batch.status === "failed" ? "red" : finished ? "green" : "blue"}>
              {batch.status}
            </Badge>
          </Group>
          <Text size="sm">
            Files read {p.filesRead} of {p.filesTotal} · {p.linesImported} lines imported
          </Text>
          <Progress value={percent(p.filesRead, p.filesTotal)} aria-label="Files read" />
          <Text size="sm">
            Months reconciled {p.monthsReconciled} of {p.monthsTotal} · {p.monthsNeedingPerson} need a person
          </Text>
          <Progress
            value={percent(p.monthsReconciled + p.monthsNeedingPerson, p.monthsTotal)}
            aria-label="Months"
          />
          {batch.error && <Alert color="red">{batch.error}</Alert>}
        </Stack>
      </Paper>
      <Paper withBorder>
        <Table aria-label="Files">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">New lines</Table.Th>
              <Table.Th ta="right">Posted</Table.Th>
              <Table.Th ta="right">In review</Table.Th>
              <Table.Th ta="right">Excluded</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batch.files.map((f) => (
              <Table.Tr key={f.position}>
                <Table.Td>{f.name}</Table.Td>
                <Table.Td>{f.status === "failed" ? `failed: ${f.error}` : f.status}</Table.Td>
                <Table.Td ta="right">{f.newLines}</Table.Td>
                <Table.Td ta="right">{f.posted}</Table.Td>
                <Table.Td ta="right">{f.needsReview}</Table.Td>
                <Table.Td ta="right">{f.excluded}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {batch.months.length > 0 && (
        <Paper withBorder>
          <Table aria-label="Months">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batch.months.map((m) => (
                <Table.Tr key={`${m.period.from}:${m.period.to}`}>
                  <Table.Td>
                    {m.period.from} – {m.period.to}
                  </Table.Td>
                  <Table.Td>{m.result === "completed" ? "reconciled" : m.result.replace("-", " ")}</Table.Td>
                  <Table.Td>{m.reason ?? ""}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {finished && (
        <Alert color={batch.needsPerson.length === 0 ? "green" : "yellow"} title="Summary">
          {batch.needsPerson.length === 0 ? (
            <Text size="sm">Every month is reconciled.</Text>
          ) : (
            <Stack gap={4}>
              <Text size="sm">These need a person (a task waits for each month left open):</Text>
              {batch.needsPerson.map((n) => (
                <Text size="sm" key={`${n.kind}:${n.name}`}>
                  {n.name}: {n.reason}
                </Text>
              ))}
            </Stack>
          )}
        </Alert>
      )}
    </Stack>
  );
}
