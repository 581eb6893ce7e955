// A task's due date with its overdue or upcoming mark.
import { Badge, Group, Text } from "@mantine/core";
import type { Task } from "../../api/work.ts";
import { formatDate } from "../../lib/dates.ts";

export function DueCell({ task }: { task: Task }) {
  if (!task.dueDate)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{formatDate(task.dueDate)}</Text>
      {task.dueState === "overdue" && (
        <Badge size="xs" color="red" variant="light">
          Overdue
        </Badge>
      )}
      {task.dueState === "upcoming" && (
        <Badge size="xs" color="yellow" variant="light">
          Upcoming
        </Badge>
      )}
    </Group>
  );
}
