// Bulk reassignment in the task list: the tasks ticked go to one assignee (a person, the client, or
// nobody), all or none (POST /api/tasks/reassign).
import { useState } from "react";
import { Button, Group, Paper, Select, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { workApi, type Assignee } from "../../api/work.ts";
import type { User } from "../../api/users.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

export function ReassignBar({ ids, people, onDone }: { ids: string[]; people: User[]; onDone: () => void }) {
  const qc = useQueryClient();
  const [to, setTo] = useState<string | null>(null);
  const reassign = useMutation({
    mutationFn: (assignee: Assignee) => workApi.reassign(ids, assignee),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["tasks"] });
      setTo(null);
      onDone();
    },
  });
  const assigneeOf = (v: string): Assignee =>
    v === "client" ? { kind: "client" } : v === "none" ? { kind: "none" } : { kind: "user", userId: v };
  return (
    <Paper withBorder p="xs" mb="sm" aria-label="Bulk reassign">
      <Group gap="sm" align="flex-end">
        <Text size="sm" fw={500}>
          {ids.length} selected
        </Text>
        <Select
          size="xs"
          w={240}
          label="Reassign to"
          searchable
          value={to}
          onChange={setTo}
          data={[
            { value: "client", label: "The client" },
            { value: "none", label: "Nobody yet" },
            ...people.filter((u) => u.status === "active").map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <Button
          size="xs"
          disabled={!to}
          loading={reassign.isPending}
          onClick={() => to && reassign.mutate(assigneeOf(to))}
        >
          Reassign
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          Clear
        </Button>
      </Group>
      {reassign.error && <ProblemAlert error={reassign.error} title="Could not reassign" />}
    </Paper>
  );
}
