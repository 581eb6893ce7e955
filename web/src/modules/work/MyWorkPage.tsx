// My work: the tasks of every client you reach (or of one client), by due date — yours and open by
// default — as a list with filters and a status per row, or as a board whose cards move between
// statuses by drag and drop. A task opens in the drawer (checklist, history).
import { useState } from "react";
import {
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconSearch, IconTemplate } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  STATUS_LABELS,
  TYPE_LABELS,
  workApi,
  type Task,
  type TaskFilter,
  type TaskStatus,
} from "../../api/work.ts";
import { usersApi } from "../../api/users.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { isClientSide, useSession } from "../../app/session.tsx";
import { TaskBoard } from "./TaskBoard.tsx";
import { TaskDrawer } from "./TaskDrawer.tsx";
import { NewTaskModal } from "./NewTaskModal.tsx";
import { DueCell } from "./DueCell.tsx";
import { ReassignBar } from "./ReassignBar.tsx";
import { Link } from "../../router/router.tsx";
import { useLinkedItem } from "../../router/linked-item.ts";

const STATUSES = Object.keys(STATUS_LABELS) as TaskStatus[];
const statusOptions = STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

export function MyWorkPage({ client }: { client?: string }) {
  const session = useSession();
  const firmSide = !isClientSide(session);
  const [view, setView] = useState<"list" | "board">("list");
  const [assignee, setAssignee] = useState(client ? "any" : "me");
  const [status, setStatus] = useState("open");
  const [due, setDue] = useState("all");
  const [type, setType] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  // A link may name the task to open ("/c/acme/work?task=…", from a notification or a missing
  // statement), also while this page is already showing.
  const [open, setOpen] = useLinkedItem("task");
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const qc = useQueryClient();
  const filter: TaskFilter = {
    assignee,
    // The board shows every status in its columns.
    status: view === "board" ? STATUSES.join(",") : status === "open" ? undefined : status,
    client,
    type: type ?? undefined,
    due: due === "all" ? undefined : (due as "overdue" | "upcoming"),
    q: q.trim() || undefined,
    page: view === "board" ? 1 : page,
    pageSize: view === "board" ? 200 : 50,
  };
  const tasks = useQuery({ queryKey: ["tasks", filter], queryFn: () => workApi.list(filter) });
  const people = useQuery({
    queryKey: ["users"],
    queryFn: () => usersApi.list(),
    enabled: firmSide,
    staleTime: 60_000,
  });
  const nameOf = (t: Task) => {
    if (t.assignee.kind === "client") return "Client";
    if (t.assignee.kind === "none") return "Unassigned";
    const id = t.assignee.userId;
    if (id === session.me.user.id) return "Me";
    return people.data?.users.find((u) => u.id === id)?.name ?? "Someone";
  };
  const move = useMutation({
    mutationFn: ({ id, to }: { id: string; to: TaskStatus }) => workApi.update(id, { status: to }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["tasks"] }),
  });
  const reset = () => setPage(1);
  return (
    <>
      <PageHeader
        title={client ? "Tasks" : "My work"}
        help="work"
        subtitle={client ? "This client's tasks" : "Your tasks across every client"}
        actions={
          firmSide && (
            <Group gap="xs">
              <Button
                variant="default"
                component={Link}
                href="/work/templates"
                leftSection={<IconTemplate size={16} />}
              >
                Project templates
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                New task
              </Button>
            </Group>
          )
        }
      />
      <Group mb="md" gap="sm" align="flex-end">
        <SegmentedControl
          aria-label="View"
          value={view}
          onChange={(v) => setView(v as "list" | "board")}
          data={[
            { value: "list", label: "List" },
            { value: "board", label: "Board" },
          ]}
        />
        <Select
          label="Assignee"
          size="xs"
          w={150}
          value={assignee}
          allowDeselect={false}
          onChange={(v) => (setAssignee(v ?? "me"), reset())}
          data={[
            { value: "me", label: "Mine" },
            { value: "any", label: "Everyone's" },
            { value: "client", label: "The client's" },
            { value: "none", label: "Unassigned" },
          ]}
        />
        {view === "list" && (
          <Select
            label="Status"
            size="xs"
            w={150}
            value={status}
            allowDeselect={false}
            onChange={(v) => (setStatus(v ?? "open"), reset())}
            data={[{ value: "open", label: "Open" }, ...statusOptions]}
          />
        )}
        <Select
          label="Due"
          size="xs"
          w={130}
          value={due}
          allowDeselect={false}
          onChange={(v) => (setDue(v ?? "all"), reset())}
          data={[
            { value: "all", label: "Any time" },
            { value: "overdue", label: "Overdue" },
            { value: "upcoming", label: "Upcoming" },
          ]}
        />
        <Select
          label="Type"
          size="xs"
          w={170}
          clearable
          placeholder="Any type"
          value={type}
          onChange={(v) => (setType(v), reset())}
          data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextInput
          size="xs"
          w={220}
          aria-label="Search tasks"
          placeholder="Search titles"
          leftSection={<IconSearch size={14} />}
          value={q}
          onChange={(e) => (setQ(e.currentTarget.value), reset())}
        />
      </Group>
      {move.error && <ProblemAlert error={move.error} title="Could not move the task" />}
      {firmSide && view === "list" && picked.size > 0 && (
        <ReassignBar
          ids={[...picked]}
          people={people.data?.users ?? []}
          onDone={() => setPicked(new Set())}
        />
      )}
      <QueryState query={tasks} isEmpty={(d) => d.tasks.length === 0} empty="No tasks match.">
        {(p) =>
          view === "board" ? (
            <TaskBoard
              tasks={p.tasks}
              nameOf={nameOf}
              onOpen={setOpen}
              onMove={(id, to) => move.mutate({ id, to })}
            />
          ) : (
            <>
              <Paper withBorder radius="md">
                <Table aria-label="Tasks" highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      {firmSide && (
                        <Table.Th w={32}>
                          <Checkbox
                            aria-label="Select every task on this page"
                            checked={p.tasks.length > 0 && p.tasks.every((t) => picked.has(t.id))}
                            onChange={(e) =>
                              setPicked(
                                e.currentTarget.checked ? new Set(p.tasks.map((t) => t.id)) : new Set(),
                              )
                            }
                          />
                        </Table.Th>
                      )}
                      <Table.Th>Task</Table.Th>
                      {!client && <Table.Th>Client</Table.Th>}
                      <Table.Th>Type</Table.Th>
                      <Table.Th>Due</Table.Th>
                      <Table.Th>Assignee</Table.Th>
                      <Table.Th>Checklist</Table.Th>
                      <Table.Th>Status</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.tasks.map((t) => (
                      <Table.Tr key={t.id} data-task={t.id} aria-label={t.title}>
                        {firmSide && (
                          <Table.Td>
                            <Checkbox
                              aria-label={`Select ${t.title}`}
                              checked={picked.has(t.id)}
                              onChange={(e) => {
                                const next = new Set(picked);
                                if (e.currentTarget.checked) next.add(t.id);
                                else next.delete(t.id);
                                setPicked(next);
                              }}
                            />
                          </Table.Td>
                        )}
                        <Table.Td>
                          <Text
                            component="button"
                            type="button"
                            fw={500}
                            size="sm"
                            style={{
                              cursor: "pointer",
                              background: "none",
                              border: 0,
                              padding: 0,
                              textAlign: "left",
                            }}
                            onClick={() => setOpen(t.id)}
                          >
                            {t.title}
                          </Text>
                        </Table.Td>
                        {!client && <Table.Td>{t.client.name}</Table.Td>}
                        <Table.Td>{TYPE_LABELS[t.type]}</Table.Td>
                        <Table.Td>
                          <DueCell task={t} />
                        </Table.Td>
                        <Table.Td>{nameOf(t)}</Table.Td>
                        <Table.Td>
                          {t.checklist.total ? `${t.checklist.done} of ${t.checklist.total}` : ""}
                        </Table.Td>
                        <Table.Td>
                          <Select
                            size="xs"
                            w={140}
                            aria-label={`Status of ${t.title}`}
                            value={t.status}
                            allowDeselect={false}
                            data={statusOptions}
                            onChange={(v) =>
                              v && v !== t.status && move.mutate({ id: t.id, to: v as TaskStatus })
                            }
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
              <Group justify="space-between" mt="sm">
                <Text size="xs" c="dimmed">
                  {p.totalExact ? p.total : `${p.total}+`} task{p.total === 1 ? "" : "s"}
                </Text>
                {p.total > p.pageSize && (
                  <Pagination
                    size="sm"
                    value={p.page}
                    onChange={setPage}
                    total={Math.ceil(p.total / p.pageSize)}
                  />
                )}
              </Group>
            </>
          )
        }
      </QueryState>
      {open && <TaskDrawer id={open} onClose={() => setOpen(null)} nameOf={nameOf} />}
      {creating && (
        <NewTaskModal
          client={client}
          onClose={() => setCreating(false)}
          onCreated={(t) => {
            setCreating(false);
            void qc.invalidateQueries({ queryKey: ["tasks"] });
            setOpen(t.id);
          }}
        />
      )}
    </>
  );
}
