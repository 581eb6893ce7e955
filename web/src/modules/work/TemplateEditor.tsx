// Creating or editing a project template: its name, recurrence and task blueprints, each with a due
// rule relative to the period, an assignee and a checklist. The server checks the rules' sense; its
// refusal is shown under the field it names ("blueprints[1].due.days").
import { useState } from "react";
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  TextInput,
  Textarea,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { ApiError } from "../../api/problem.ts";
import {
  TYPE_LABELS,
  workApi,
  type Blueprint,
  type Template,
  type TemplateInput,
  type TaskType,
} from "../../api/work.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

type DueKind = Blueprint["due"]["kind"];
const DUE_LABELS: Record<DueKind, string> = {
  day_of_month: "Day N of the next month",
  business_days_before_close: "N business days before close",
  business_days_after_close: "N business days after close",
  last_business_day: "Last business day",
};

interface Row {
  title: string;
  type: TaskType;
  description: string;
  dueKind: DueKind;
  n: number;
  /** "none", "client", or the id of the person a blueprint names (kept as it was). */
  assignee: string;
  checklist: string;
}

const rowOf = (b: Template["blueprints"][number]): Row => ({
  title: b.title,
  type: b.type,
  description: b.description,
  dueKind: b.due.kind,
  n: b.due.day ?? b.due.days ?? 1,
  assignee: b.assignee.kind === "user" ? b.assignee.userId : b.assignee.kind,
  checklist: b.checklist.join("\n"),
});
const emptyRow = (): Row => ({
  title: "",
  type: "custom",
  description: "",
  dueKind: "business_days_after_close",
  n: 3,
  assignee: "none",
  checklist: "",
});

/** The message the API gave for this field (its path with dots or brackets), if it named it. */
function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const norm = (f: string) => f.replace(/\[(\d+)\]/g, ".$1").replace(/^body\./, "");
  const p = error.problem;
  if (p.field && norm(p.field) === field) return p.detail;
  return p.errors?.find((e) => norm(e.field) === field)?.message;
}

export function TemplateEditor({
  template,
  onClose,
  onSaved,
}: {
  template: Template | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [name, setName] = useState(template?.name ?? "");
  const [recurrence, setRecurrence] = useState<TemplateInput["recurrence"]>(
    template?.recurrence ?? "monthly",
  );
  const [rows, setRows] = useState<Row[]>(template ? template.blueprints.map(rowOf) : [emptyRow()]);
  const save = useMutation({
    mutationFn: (input: TemplateInput) =>
      template ? workApi.updateTemplate(template.id, input) : workApi.createTemplate(input),
    onSuccess: onSaved,
  });
  const set = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const input = (): TemplateInput => ({
    name: name.trim(),
    recurrence,
    blueprints: rows.map((r) => ({
      title: r.title,
      type: r.type,
      description: r.description,
      due:
        r.dueKind === "last_business_day"
          ? { kind: r.dueKind }
          : r.dueKind === "day_of_month"
            ? { kind: r.dueKind, day: r.n }
            : { kind: r.dueKind, days: r.n },
      assignee:
        r.assignee === "none" || r.assignee === "client"
          ? { kind: r.assignee }
          : { kind: "user" as const, userId: r.assignee },
      checklist: r.checklist
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    })),
  });
  const err = (field: string) => fieldError(save.error, field);
  const named = save.error instanceof ApiError && save.error.problem.field;
  return (
    <Modal
      opened
      onClose={onClose}
      title={template ? `Edit ${template.name}` : "New project template"}
      size="xl"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(input());
        }}
      >
        <Stack gap="sm">
          <Group grow>
            <TextInput
              label="Name"
              required
              maxLength={200}
              value={name}
              error={err("name")}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Select
              label="Recurs"
              value={recurrence}
              allowDeselect={false}
              error={err("recurrence")}
              onChange={(v) => setRecurrence((v ?? "monthly") as TemplateInput["recurrence"])}
              data={[
                { value: "monthly", label: "Monthly" },
                { value: "quarterly", label: "Quarterly" },
                { value: "yearly", label: "Yearly" },
              ]}
            />
          </Group>
          {rows.map((r, i) => (
            <Paper key={i} withBorder p="sm" aria-label={`Task ${i + 1}`}>
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <Stack gap="xs" flex={1}>
                  <Group grow align="flex-start">
                    <TextInput
                      label="Task"
                      size="xs"
                      value={r.title}
                      error={err(`blueprints.${i}.title`)}
                      onChange={(e) => set(i, { title: e.currentTarget.value })}
                    />
                    <Select
                      label="Type"
                      size="xs"
                      value={r.type}
                      allowDeselect={false}
                      onChange={(v) => set(i, { type: (v ?? "custom") as TaskType })}
                      data={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))}
                    />
                    <Select
                      label="Assignee"
                      size="xs"
                      value={r.assignee}
                      allowDeselect={false}
                      onChange={(v) => set(i, { assignee: v ?? "none" })}
                      data={[
                        { value: "none", label: "Nobody yet" },
                        { value: "client", label: "The client" },
                        ...(r.assignee !== "none" && r.assignee !== "client"
                          ? [{ value: r.assignee, label: "The person named before" }]
                          : []),
                      ]}
                    />
                  </Group>
                  <Group grow align="flex-start">
                    <Select
                      label="Due"
                      size="xs"
                      value={r.dueKind}
                      allowDeselect={false}
                      error={err(`blueprints.${i}.due.kind`)}
                      onChange={(v) => set(i, { dueKind: (v ?? "last_business_day") as DueKind })}
                      data={Object.entries(DUE_LABELS).map(([value, label]) => ({ value, label }))}
                    />
                    <NumberInput
                      label={r.dueKind === "day_of_month" ? "Day" : "Business days"}
                      size="xs"
                      disabled={r.dueKind === "last_business_day"}
                      value={r.n}
                      allowDecimal={false}
                      error={err(`blueprints.${i}.due.day`) ?? err(`blueprints.${i}.due.days`)}
                      onChange={(v) => set(i, { n: typeof v === "number" ? v : Number(v) || 0 })}
                    />
                  </Group>
                  <Textarea
                    label="Checklist (one item per line)"
                    size="xs"
                    autosize
                    minRows={1}
                    value={r.checklist}
                    error={err(`blueprints.${i}.checklist`)}
                    onChange={(e) => set(i, { checklist: e.currentTarget.value })}
                  />
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={24}
                  aria-label={`Remove task ${i + 1}`}
                  disabled={rows.length === 1}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Group justify="space-between">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setRows([...rows, emptyRow()])}
            >
              Add a task
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save template
              </Button>
            </Group>
          </Group>
          {save.error ? (
            <ProblemAlert
              error={save.error}
              title={named ? "Fix the field marked" : "Could not save the template"}
            />
          ) : null}
        </Stack>
      </form>
    </Modal>
  );
}
