// A task's files in its drawer: a document request is answered by uploading the file through it
// (it lands in the task's folder and the task is done, or stays in progress when more files come);
// any task shows its attachments (download; a bank statement offers its import into the account of
// its folder); the firm attaches documents already filed, and takes them off again.
import { useState } from "react";
import { Anchor, Button, Checkbox, FileButton, Group, Progress, Select, Stack, Text } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contentUrl, documentsApi } from "../../api/documents.ts";
import { taskFilesApi, type StatementImport } from "../../api/task-files.ts";
import { workApi, type TaskDetail } from "../../api/work.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

export function TaskFiles({
  task,
  firmSide,
  onSaved,
}: {
  task: TaskDetail;
  firmSide: boolean;
  onSaved: (t: TaskDetail) => void;
}) {
  const qc = useQueryClient();
  const client = task.client.slug;
  const [progress, setProgress] = useState<number | null>(null);
  const [keepOpen, setKeepOpen] = useState(false);
  const [pick, setPick] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const names = useQuery({
    queryKey: ["documents", client, "names"],
    queryFn: () => documentsApi.documents(client, {}),
    enabled: task.attachments.length > 0 || firmSide,
  });
  const found = useQuery({
    queryKey: ["documents", client, "search", search],
    queryFn: () => documentsApi.documents(client, { search }),
    enabled: firmSide && search.trim().length > 1,
  });
  const refresh = async () => {
    onSaved(await workApi.get(task.id));
    void qc.invalidateQueries({ queryKey: ["documents", client] });
    void qc.invalidateQueries({ queryKey: ["missing-statements", client] });
  };
  const upload = useMutation({
    mutationFn: (file: File) => taskFilesApi.upload(task.id, file, { keepOpen, onProgress: setProgress }),
    onSettled: () => setProgress(null),
    onSuccess: refresh,
  });
  const attach = useMutation({
    mutationFn: (documentId: string) => workApi.attach(task.id, documentId),
    onSuccess: (t) => (setPick(null), onSaved(t)),
  });
  const detach = useMutation({
    mutationFn: (documentId: string) => workApi.detach(task.id, documentId),
    onSuccess: onSaved,
  });
  const nameOf = new Map((names.data ?? []).map((d) => [d.id, d.name]));
  const open = task.status === "to_do" || task.status === "in_progress";
  const error = upload.error ?? attach.error ?? detach.error;
  return (
    <Stack gap="xs" aria-label="Files">
      {task.type === "document_upload_request" && open && (
        <Group gap="sm" align="center">
          <FileButton onChange={(f) => f && upload.mutate(f)}>
            {(props) => (
              <Button {...props} size="xs" leftSection={<IconUpload size={14} />} loading={upload.isPending}>
                Upload the file
              </Button>
            )}
          </FileButton>
          <Checkbox
            size="xs"
            label="More files to come"
            checked={keepOpen}
            onChange={(e) => setKeepOpen(e.currentTarget.checked)}
          />
        </Group>
      )}
      {progress !== null && <Progress value={progress * 100} aria-label="Upload progress" />}
      {upload.data && (
        <Text size="sm" c="green" role="status">
          Filed in {upload.data.document.folderPath}.
        </Text>
      )}
      {task.attachments.length === 0 && (
        <Text size="sm" c="dimmed">
          No files yet.
        </Text>
      )}
      {task.attachments.map((a) => (
        <Attachment
          key={a.documentId}
          client={client}
          documentId={a.documentId}
          name={nameOf.get(a.documentId) ?? "Document"}
          statementRequest={task.type === "document_upload_request"}
          onRemove={firmSide ? () => detach.mutate(a.documentId) : undefined}
        />
      ))}
      {firmSide && (
        <Group gap="xs" align="flex-end">
          <Select
            size="xs"
            flex={1}
            searchable
            clearable
            aria-label="Attach a document"
            placeholder="Attach a filed document (type its name)"
            searchValue={search}
            onSearchChange={setSearch}
            value={pick}
            onChange={setPick}
            data={(found.data ?? [])
              .filter((d) => !task.attachments.some((a) => a.documentId === d.id))
              .map((d) => ({ value: d.id, label: d.name }))}
          />
          <Button size="xs" variant="default" disabled={!pick} onClick={() => pick && attach.mutate(pick)}>
            Attach
          </Button>
        </Group>
      )}
      {error && <ProblemAlert error={error} title="Could not do that" />}
    </Stack>
  );
}

function Attachment({
  client,
  documentId,
  name,
  statementRequest,
  onRemove,
}: {
  client: string;
  documentId: string;
  name: string;
  statementRequest: boolean;
  onRemove?: (() => void) | undefined;
}) {
  const offer = useQuery({
    queryKey: ["statement-import", client, documentId],
    queryFn: () => taskFilesApi.offer(client, documentId),
    enabled: statementRequest,
  });
  const [done, setDone] = useState<StatementImport | null>(null);
  const run = useMutation({
    mutationFn: () => taskFilesApi.importStatement(client, documentId),
    onSuccess: setDone,
  });
  return (
    <Stack gap={2}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Anchor href={contentUrl(client, documentId)} size="sm" aria-label={`Download ${name}`}>
          {name}
        </Anchor>
        <Group gap={4} wrap="nowrap">
          {offer.data?.offered && offer.data.bankAccount && !done && (
            <Button size="compact-xs" loading={run.isPending} onClick={() => run.mutate()}>
              Import into {offer.data.bankAccount.name}
            </Button>
          )}
          {onRemove && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={`Remove ${name}`}
            >
              Remove
            </Button>
          )}
        </Group>
      </Group>
      {offer.data?.offered && !done && (
        <Text size="xs" c="dimmed">
          A {offer.data.format?.toUpperCase()} statement: it can be imported into{" "}
          {offer.data.bankAccount?.name}.
        </Text>
      )}
      {done && (
        <Text size="xs" c="green" role="status">
          {done.alreadyImported
            ? `Already imported: nothing new (${done.duplicateLines} lines known).`
            : `Imported ${done.newLines} new line${done.newLines === 1 ? "" : "s"} into ${done.bankAccount.name}.`}
        </Text>
      )}
      {run.error && <ProblemAlert error={run.error} title="Could not import" />}
    </Stack>
  );
}
