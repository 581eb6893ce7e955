// A new task for a client: its type (with the folder a document request lands in), title, due
// date, assignee (me, the client, or nobody yet) and checklist, one item per line.
import { useState } from "react";
import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { TYPE_LABELS, workApi, type TaskDetail, type TaskInput, type TaskType } from "../../api/work.ts";
import { clientsApi } from "../../api/clients.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useSession } from "../../app/session.tsx";

export function NewTaskModal({
  client,
  onClose,
  onCreated,
}: {
  client?: string;
  onClose: () => void;
  onCreated: (t: TaskDetail) => void;
}) {
  const session = useSession();
  const clients = useQuery({ queryKey: ["clients"], queryFn: clientsApi.list, enabled: !client });
  const [clientRef, setClientRef] = useState<string | null>(client ?? null);
  const [type, setType] = useState<TaskType>("custom");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [folder, setFolder] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [assignee, setAssignee] = useState("me");
  const [checklist, setChecklist] = useState("");
  const create = useMutation({
    mutationFn: (input: TaskInput) => workApi.create(input),
    onSuccess: onCreated,
  });
  const submit = () => {
    if (!clientRef) return;
    create.mutate({
      client: clientRef,
      type,
      title: title.trim(),
      description: description.trim() || undefined,
      folder: type === "document_upload_request" && folder.trim() ? folder.trim() : undefined,
      dueDate: dueDate || undefined,
      assignee:
        assignee === "me"
          ? { kind: "user", userId: session.me.user.id }
          : assignee === "client"
            ? { kind: "client" }
            : { kind: "none" },
      checklist: checklist
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    });
  };
  return (
    <Modal opened onClose={onClose} title="New task" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {!client && (
            <Select
              label="Client"
              required
              searchable
              value={clientRef}
              onChange={setClientRef}
              data={(clients.data ?? []).map((c) => ({ value: c.slug, label: c.name }))}
            />
          )}
          <Select
            label="Type"
            value={type}
            allowDeselect={false}
            onChange={(v) => setType((v ?? "custom") as TaskType)}
            data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextInput
            label="Title"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          {type === "document_upload_request" && (
            <TextInput
              label="Folder"
              placeholder="Bank statements/Checking/2026"
              value={folder}
              onChange={(e) => setFolder(e.currentTarget.value)}
            />
          )}
          <Group grow>
            <TextInput
              label="Due date"
              type="date"
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
            />
            <Select
              label="Assignee"
              value={assignee}
              allowDeselect={false}
              onChange={(v) => setAssignee(v ?? "me")}
              data={[
                { value: "me", label: "Me" },
                { value: "client", label: "The client" },
                { value: "none", label: "Nobody yet" },
              ]}
            />
          </Group>
          <Textarea
            label="Checklist"
            description="One item per line"
            autosize
            minRows={2}
            value={checklist}
            onChange={(e) => setChecklist(e.currentTarget.value)}
          />
          {create.error && <ProblemAlert error={create.error} title="Could not create the task" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!clientRef || !title.trim()}>
              Create task
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
