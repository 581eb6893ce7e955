// Who watches a task (hears of its changes): the firm adds and removes watchers among the people who
// work on the task's client; everyone sees the list.
import { useState } from "react";
import { Badge, CloseButton, Group, Select, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { workApi, type TaskDetail } from "../../api/work.ts";
import type { User } from "../../api/users.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

export function TaskWatchers({
  task,
  people,
  firmSide,
  onSaved,
}: {
  task: TaskDetail;
  people: User[];
  firmSide: boolean;
  onSaved: (t: TaskDetail) => void;
}) {
  const [pick, setPick] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (watchers: string[]) => workApi.update(task.id, { watchers }),
    onSuccess: (t) => (setPick(null), onSaved(t)),
  });
  const name = (id: string) => people.find((u) => u.id === id)?.name ?? "Someone";
  const candidates = people.filter(
    (u) =>
      u.status === "active" &&
      !task.watchers.includes(u.id) &&
      (u.clientAccess.mode === "all" || u.clientAccess.clientIds.includes(task.client.id)),
  );
  return (
    <div aria-label="Watchers">
      <Group gap={6} mb={firmSide ? 6 : 0}>
        {task.watchers.length === 0 && (
          <Text size="sm" c="dimmed">
            Nobody watches this task.
          </Text>
        )}
        {task.watchers.map((id) => (
          <Badge
            key={id}
            variant="light"
            rightSection={
              firmSide ? (
                <CloseButton
                  size="xs"
                  aria-label={`Stop ${name(id)} watching`}
                  onClick={() => save.mutate(task.watchers.filter((w) => w !== id))}
                />
              ) : undefined
            }
          >
            {name(id)}
          </Badge>
        ))}
      </Group>
      {firmSide && (
        <Select
          size="xs"
          searchable
          aria-label="Add a watcher"
          placeholder="Add a watcher"
          value={pick}
          onChange={(v) => v && save.mutate([...task.watchers, v])}
          data={candidates.map((u) => ({ value: u.id, label: u.name }))}
        />
      )}
      {save.error && <ProblemAlert error={save.error} title="Could not change the watchers" />}
    </div>
  );
}
