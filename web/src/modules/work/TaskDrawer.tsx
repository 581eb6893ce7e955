// A task in a drawer: what is asked, of whom and by when, its status, its files (a document request
// is answered by uploading through it), watchers, the checklist (ticked by whoever sees the task;
// items added by the firm) and its history.
import { useState } from "react";
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Timeline,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  STATUS_LABELS,
  TYPE_LABELS,
  workApi,
  type Task,
  type TaskDetail,
  type TaskStatus,
} from "../../api/work.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { isClientSide, useSession } from "../../app/session.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { DueCell } from "./DueCell.tsx";
import { TaskFiles } from "./TaskFiles.tsx";
import { TaskWatchers } from "./TaskWatchers.tsx";
import { usersApi } from "../../api/users.ts";
import { CommentThread } from "../comms/CommentThread.tsx";
import { Link } from "../../router/router.tsx";

const EVENT_TEXT: Record<string, (d: Record<string, unknown>) => string> = {
  created: () => "created the task",
  status: (d) =>
    `moved it to ${STATUS_LABELS[d.to as TaskStatus] ?? d.to}${d.reason ? ` (${String(d.reason)})` : ""}`,
  assigned: () => "reassigned it",
  due_date: (d) => `changed the due date to ${d.to ?? "none"}`,
  edited: () => "edited it",
  checklist_added: (d) => `added "${String(d.text)}" to the checklist`,
  checklist_done: (d) => `ticked "${String(d.text)}"`,
  checklist_undone: (d) => `unticked "${String(d.text)}"`,
  attached: () => "attached a document",
  watchers: () => "changed the watchers",
  detached: () => "removed a document",
};

export function TaskDrawer({
  id,
  onClose,
  nameOf,
}: {
  id: string;
  onClose: () => void;
  nameOf: (t: Task) => string;
}) {
  const session = useSession();
  const firmSide = !isClientSide(session);
  const qc = useQueryClient();
  const task = useQuery({ queryKey: ["task", id], queryFn: () => workApi.get(id) });
  const history = useQuery({ queryKey: ["task", id, "history"], queryFn: () => workApi.history(id) });
  const people = useQuery({
    queryKey: ["users"],
    queryFn: () => usersApi.list(),
    enabled: firmSide,
    staleTime: 60_000,
  });
  const [item, setItem] = useState("");
  const saved = (t: TaskDetail) => {
    qc.setQueryData(["task", id], t);
    void qc.invalidateQueries({ queryKey: ["tasks"] });
    void qc.invalidateQueries({ queryKey: ["task", id, "history"] });
  };
  const change = useMutation({
    mutationFn: (status: TaskStatus) => workApi.update(id, { status }),
    onSuccess: saved,
  });
  const tick = useMutation({
    mutationFn: ({ item, done }: { item: string; done: boolean }) => workApi.tickItem(id, item, done),
    onSuccess: saved,
  });
  const add = useMutation({
    mutationFn: (text: string) => workApi.addItem(id, text),
    onSuccess: (t) => {
      setItem("");
      saved(t);
    },
  });
  const error = change.error ?? tick.error ?? add.error;
  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={task.data?.title ?? "Task"}>
      <QueryState query={task}>
        {(t) => (
          <Stack gap="sm" aria-label="Task details">
            <Group gap="xs">
              <Badge variant="light">{TYPE_LABELS[t.type]}</Badge>
              <Text size="sm" c="dimmed">
                {t.client.name}
              </Text>
            </Group>
            {t.description && <Text size="sm">{t.description}</Text>}
            {t.folder && <Text size="sm">Folder: {t.folder}</Text>}
            {t.credential && (
              <Text size="sm">
                Login asked for: {t.credential.site}
                {t.credential.url ? ` (${t.credential.url})` : ""} ·{" "}
                {/* The answer is given on the Password Manager page, never in the task. */}
                <Anchor component={Link} href={`/c/${t.client.slug}/vault`} size="sm">
                  {firmSide || t.status === "done" || t.status === "rejected"
                    ? "Open the Password Manager"
                    : "Answer it in the Password Manager"}
                </Anchor>
              </Text>
            )}
            <Group gap="xl">
              <div>
                <Text size="xs" c="dimmed">
                  Due
                </Text>
                <DueCell task={t} />
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  Assignee
                </Text>
                <Text size="sm">{nameOf(t)}</Text>
              </div>
              <Select
                label="Status"
                size="xs"
                w={150}
                value={t.status}
                allowDeselect={false}
                data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
                onChange={(v) => v && v !== t.status && change.mutate(v as TaskStatus)}
              />
            </Group>
            {error && <ProblemAlert error={error} title="Could not save" />}
            <Divider label={`Files ${t.attachments.length}`} labelPosition="left" />
            <TaskFiles task={t} firmSide={firmSide} onSaved={saved} />
            {firmSide && (
              <>
                <Divider label="Watchers" labelPosition="left" />
                <TaskWatchers
                  task={t}
                  people={people.data?.users ?? []}
                  firmSide={firmSide}
                  onSaved={saved}
                />
              </>
            )}
            <Divider label={`Checklist ${t.checklist.done} of ${t.checklist.total}`} labelPosition="left" />
            <Stack gap={6} aria-label="Checklist">
              {t.items.map((i) => (
                <Checkbox
                  key={i.id}
                  label={i.text}
                  checked={i.done}
                  onChange={(e) => tick.mutate({ item: i.id, done: e.currentTarget.checked })}
                />
              ))}
              {t.items.length === 0 && (
                <Text size="sm" c="dimmed">
                  No checklist.
                </Text>
              )}
            </Stack>
            {firmSide && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (item.trim()) add.mutate(item.trim());
                }}
              >
                <Group gap="xs" align="flex-end">
                  <TextInput
                    size="xs"
                    flex={1}
                    aria-label="New checklist item"
                    placeholder="Add a checklist item"
                    value={item}
                    maxLength={200}
                    onChange={(e) => setItem(e.currentTarget.value)}
                  />
                  <Button size="xs" type="submit" loading={add.isPending}>
                    Add
                  </Button>
                </Group>
              </form>
            )}
            <Divider label="History" labelPosition="left" />
            <QueryState query={history}>
              {(events) => (
                <Timeline bulletSize={10} lineWidth={1}>
                  {events.map((e, n) => (
                    <Timeline.Item key={n}>
                      <Text size="sm">
                        {e.actorName}{" "}
                        {(EVENT_TEXT[e.event] ?? (() => e.event))(
                          (e.detail ?? {}) as Record<string, unknown>,
                        )}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(e.at)}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </QueryState>
            <CommentThread client={t.client.slug} object={`task:${t.id}`} />
          </Stack>
        )}
      </QueryState>
    </Drawer>
  );
}
