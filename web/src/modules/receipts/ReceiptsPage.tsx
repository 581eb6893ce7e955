// Receipts to match: each receipt read (vendor, date, total, tax, currency, with how sure the
// reading is), the transactions suggested for it with their scores and reasons, and what a person
// does — attach it to one, dismiss it, read it again, open it. Receipts uploaded here are filed in
// the client's Receipts folder and read in the background; the list refreshes while any is read.
import { useState } from "react";
import { Anchor, Badge, Button, FileButton, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { receiptsApi, type Receipt } from "../../api/receipts.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { DocumentDrawer } from "../documents/DocumentDrawer.tsx";

const STATE: Record<string, { label: string; color: string }> = {
  reading: { label: "Reading…", color: "blue" },
  to_match: { label: "To match", color: "orange" },
  unreadable: { label: "Unreadable", color: "red" },
  matched: { label: "Matched", color: "teal" },
  dismissed: { label: "Dismissed", color: "gray" },
};

function Field({ label, field }: { label: string; field: { value: string | null; confidence: number } }) {
  const percent = Math.round(field.confidence * 100);
  const color = field.confidence >= 0.8 ? "teal" : field.confidence >= 0.5 ? "yellow" : "red";
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed" w={56}>
        {label}
      </Text>
      <Text size="sm">{field.value ?? "—"}</Text>
      {field.value !== null && (
        <Tooltip label={`read with ${percent}% confidence`} withArrow>
          <Badge size="xs" variant="light" color={color} aria-label={`${label} confidence ${percent}%`}>
            {percent}%
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

export function ReceiptsPage({ client }: { client: string }) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["receipts", client],
    queryFn: () => receiptsApi.list(client),
    // While a receipt is read in the background, look again every two seconds.
    refetchInterval: (q) => (q.state.data?.receipts.some((r) => r.state === "reading") ? 2000 : false),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ["receipts", client] });
    void qc.invalidateQueries({ queryKey: ["transactions", client] });
  };
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: refresh,
    onError: setError,
  });

  async function uploadFiles(files: File[]) {
    setError(null);
    try {
      for (const file of files) {
        setUploading(file.name);
        await receiptsApi.upload(client, file);
      }
    } catch (e) {
      setError(e);
    } finally {
      setUploading(null);
      refresh();
    }
  }

  const row = (r: Receipt) => (
    <Table.Tr key={r.documentId} aria-label={`Receipt ${r.name ?? r.documentId}`}>
      <Table.Td>
        <Anchor component="button" size="sm" onClick={() => setOpen(r.documentId)}>
          {r.name ?? "(deleted)"}
        </Anchor>
        <div>
          <Badge size="sm" variant="light" color={STATE[r.state]?.color} tt="none">
            {STATE[r.state]?.label ?? r.state}
          </Badge>
        </div>
      </Table.Td>
      <Table.Td>
        {r.state === "unreadable" ? (
          <Text size="sm" c="red">
            {r.problem}
          </Text>
        ) : r.state === "reading" ? (
          <Text size="sm" c="dimmed">
            Being read…
          </Text>
        ) : (
          <Stack gap={2}>
            <Field label="Vendor" field={r.vendor} />
            <Field label="Date" field={r.date} />
            <Field label="Total" field={r.total} />
            <Field label="Tax" field={r.tax} />
            <Field label="Currency" field={r.currency} />
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        {r.state === "to_match" && r.suggestions.length === 0 && (
          <Text size="sm" c="dimmed">
            No transaction looks like it yet: it is looked for again when you read it again after the bank
            lines arrive.
          </Text>
        )}
        <Stack gap={4}>
          {r.suggestions.map((s) => (
            <Group key={s.transactionId} gap="xs" wrap="nowrap">
              <Button
                size="compact-xs"
                variant={s.transactionId === r.transactionId ? "filled" : "light"}
                aria-label={`Attach to ${s.description} ${s.amount}`}
                onClick={() => act.mutate(() => receiptsApi.match(client, r.documentId, s.transactionId))}
              >
                Attach
              </Button>
              <Tooltip label={s.reasons.join(" · ")} withArrow multiline w={260}>
                <Text size="sm">
                  {s.date} · {s.description} · {s.amount} {s.currency} ·{" "}
                  <Text span c="dimmed">
                    {Math.round(s.score * 100)}%
                  </Text>
                </Text>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => act.mutate(() => receiptsApi.reread(client, r.documentId))}
          >
            Read again
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => act.mutate(() => receiptsApi.dismiss(client, r.documentId))}
          >
            Dismiss
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <PageHeader
        title="Receipts to match"
        help="receipts"
        actions={
          <FileButton
            onChange={(files) => void uploadFiles(files)}
            multiple
            accept="application/pdf,image/png,image/jpeg"
          >
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} />} loading={Boolean(uploading)}>
                Upload receipts
              </Button>
            )}
          </FileButton>
        }
      />
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <QueryState
        query={list}
        isEmpty={(d) => d.receipts.length === 0}
        empty="No receipts wait to be matched. Upload receipts here or into the Receipts folder: each is read and attached to its bank transaction."
      >
        {(d) => (
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Receipt</Table.Th>
                <Table.Th>Read</Table.Th>
                <Table.Th>Suggested transactions</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{d.receipts.map(row)}</Table.Tbody>
          </Table>
        )}
      </QueryState>
      <DocumentDrawer client={client} id={open} onClose={() => setOpen(null)} />
    </>
  );
}
