// The board: one column per status; a card dragged to another column changes the task's status
// (the same PATCH as the list's status menu).
import { useState } from "react";
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { STATUS_LABELS, TYPE_LABELS, type Task, type TaskStatus } from "../../api/work.ts";
import { DueCell } from "./DueCell.tsx";

const COLUMNS = Object.keys(STATUS_LABELS) as TaskStatus[];

export function TaskBoard({
  tasks,
  nameOf,
  onOpen,
  onMove,
}: {
  tasks: Task[];
  nameOf: (t: Task) => string;
  onOpen: (id: string) => void;
  onMove: (id: string, to: TaskStatus) => void;
}) {
  const [over, setOver] = useState<TaskStatus | null>(null);
  return (
    <SimpleGrid cols={4} spacing="sm">
      {COLUMNS.map((status) => {
        const cards = tasks.filter((t) => t.status === status);
        return (
          <Paper
            key={status}
            withBorder
            radius="md"
            p="xs"
            bg={over === status ? "var(--mantine-color-blue-light)" : "var(--mantine-color-gray-0)"}
            aria-label={`${STATUS_LABELS[status]} column`}
            data-status={status}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(status);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(e) => {
              e.preventDefault();
              setOver(null);
              const id = e.dataTransfer.getData("text/plain");
              const task = tasks.find((t) => t.id === id);
              if (task && task.status !== status) onMove(id, status);
            }}
          >
            <Group justify="space-between" mb="xs">
              <Text fw={600} size="sm">
                {STATUS_LABELS[status]}
              </Text>
              <Badge size="sm" variant="light" color="gray">
                {cards.length}
              </Badge>
            </Group>
            <Stack gap="xs" mih={80}>
              {cards.map((t) => (
                <Card
                  key={t.id}
                  withBorder
                  padding="xs"
                  radius="sm"
                  draggable
                  aria-label={t.title}
                  data-task={t.id}
                  style={{ cursor: "grab" }}
                  onDragStart={(e) => e.dataTransfer.setData("text/plain", t.id)}
                  onClick={() => onOpen(t.id)}
                >
                  <Text size="sm" fw={500}>
                    {t.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t.client.name} · {TYPE_LABELS[t.type]} · {nameOf(t)}
                  </Text>
                  <DueCell task={t} />
                </Card>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
