// Edits one service of the catalogue in a modal: name, tier, description, its recurring tasks
// (one a line: "title | day of the month after"), its close checklist (one item a line), the
// information the client sends (one a line: "kind: name") and the cut-off. A refusal shows with
// the field the server names.
import { useState } from "react";
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { servicesApi, type Service, type ServiceInput } from "../../api/services.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

export const INFO_KINDS = [
  "bank_statement",
  "card_statement",
  "payroll_register",
  "loan_statement",
  "sales_report",
  "other",
] as const;
type Kind = (typeof INFO_KINDS)[number];

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function tasksText(s: Pick<Service, "tasks">): string {
  return s.tasks.map((t) => `${t.title} | ${t.dueDay}`).join("\n");
}

function parseTasks(text: string, before: Service["tasks"]): ServiceInput["tasks"] {
  return lines(text).map((l) => {
    const [title = "", day = ""] = l.split("|").map((p) => p.trim());
    const old = before.find((t) => t.title === title);
    return {
      title,
      dueDay: Number(day) || 0,
      description: old?.description ?? "",
      checklist: old?.checklist ?? [],
    };
  });
}

function parseInfo(text: string): ServiceInput["requiredInfo"] {
  return lines(text).map((l) => {
    const i = l.indexOf(":");
    const kind = (i > 0 ? l.slice(0, i).trim() : "other") as Kind;
    return { kind, name: i > 0 ? l.slice(i + 1).trim() : l };
  });
}

export function ServiceEditor({ service, onClose }: { service: Service | "new"; onClose: () => void }) {
  const qc = useQueryClient();
  const s = service === "new" ? null : service;
  const [code, setCode] = useState(s?.code ?? "");
  const [name, setName] = useState(s?.name ?? "");
  const [tier, setTier] = useState<"basic" | "advanced">(s?.tier ?? "advanced");
  const [description, setDescription] = useState(s?.description ?? "");
  const [tasks, setTasks] = useState(s ? tasksText(s) : "");
  const [checklist, setChecklist] = useState(s?.checklist.join("\n") ?? "");
  const [info, setInfo] = useState(s?.requiredInfo.map((r) => `${r.kind}: ${r.name}`).join("\n") ?? "");
  const [cutDay, setCutDay] = useState<number>(s?.cutOff.day ?? 5);
  const [cutRule, setCutRule] = useState(s?.cutOff.rule ?? "");
  const save = useMutation({
    mutationFn: () =>
      servicesApi.put(code.trim(), {
        name,
        tier,
        description,
        tasks: parseTasks(tasks, s?.tasks ?? []),
        checklist: lines(checklist),
        requiredInfo: parseInfo(info),
        cutOff: { day: cutDay, rule: cutRule },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["service-catalogue"] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={s ? `Edit ${s.name}` : "New service"} size="lg">
      <Stack gap="sm">
        <ProblemAlert error={save.error} title="Could not save the service" />
        {!s && (
          <TextInput
            label="Code"
            description="lower-case letters, digits and underscores (e.g. sales_tax_filing)"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
        )}
        <Group grow>
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select
            label="Tier"
            data={[
              { value: "basic", label: "Basic" },
              { value: "advanced", label: "Advanced" },
            ]}
            value={tier}
            onChange={(v) => setTier((v as "basic" | "advanced") ?? "advanced")}
          />
        </Group>
        <Textarea
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Textarea
          label="Recurring tasks"
          description='One a line: "title | due day of the month after (1–28)"'
          autosize
          minRows={2}
          value={tasks}
          onChange={(e) => setTasks(e.currentTarget.value)}
        />
        <Textarea
          label="Close checklist"
          description="One item a line"
          autosize
          minRows={2}
          value={checklist}
          onChange={(e) => setChecklist(e.currentTarget.value)}
        />
        <Textarea
          label="Required information"
          description={`One a line: "kind: name", kind one of ${INFO_KINDS.join(", ")} (statements are asked per account)`}
          autosize
          minRows={2}
          value={info}
          onChange={(e) => setInfo(e.currentTarget.value)}
        />
        <Group grow>
          <NumberInput
            label="Cut-off day"
            description="information due by this day of the month after"
            min={1}
            max={28}
            value={cutDay}
            onChange={(v) => setCutDay(Number(v) || 1)}
          />
          <TextInput
            label="Cut-off rule"
            value={cutRule}
            onChange={(e) => setCutRule(e.currentTarget.value)}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
