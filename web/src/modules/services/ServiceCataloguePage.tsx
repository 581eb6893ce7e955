// The firm's service catalogue: each service with its recurring tasks, close checklist, required
// information and cut-off. Partner Admins and Partner Ops add, edit, archive and restore services;
// everyone else reads.
import { useState } from "react";
import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { servicesApi, type Service } from "../../api/services.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useCan } from "../../app/session.tsx";
import { ServiceEditor } from "./ServiceEditor.tsx";

export function ServiceCataloguePage() {
  const qc = useQueryClient();
  const can = useCan();
  const editable = can("services.manage");
  const catalogue = useQuery({ queryKey: ["service-catalogue"], queryFn: servicesApi.catalogue });
  const [editing, setEditing] = useState<Service | "new" | null>(null);
  const archive = useMutation({
    mutationFn: (s: Service) => (s.archived ? servicesApi.restore(s.code) : servicesApi.archive(s.code)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["service-catalogue"] }),
  });
  const card = (s: Service) => (
    <Paper key={s.code} withBorder p="md" radius="md" aria-label={`Service ${s.name}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={600} td={s.archived ? "line-through" : undefined}>
            {s.name}
          </Text>
          <Badge variant="light" color={s.tier === "basic" ? "blue" : "grape"}>
            {s.tier}
          </Badge>
          {s.archived && <Badge color="gray">archived</Badge>}
        </Group>
        {editable && (
          <Group gap="xs">
            {!s.archived && (
              <Button size="xs" variant="default" onClick={() => setEditing(s)}>
                Edit
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              color={s.archived ? "blue" : "red"}
              onClick={() => archive.mutate(s)}
            >
              {s.archived ? "Restore" : "Archive"}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {s.description}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <div>
          <Text size="xs" fw={600}>
            Tasks
          </Text>
          <List size="xs">
            {s.tasks.map((t) => (
              <List.Item key={t.title}>
                {t.title} (day {t.dueDay})
              </List.Item>
            ))}
          </List>
        </div>
        <div>
          <Text size="xs" fw={600}>
            Checklist
          </Text>
          <List size="xs">
            {s.checklist.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
        </div>
        <div>
          <Text size="xs" fw={600}>
            Required information (cut-off day {s.cutOff.day})
          </Text>
          <List size="xs">
            {s.requiredInfo.map((r) => (
              <List.Item key={`${r.kind}:${r.name}`}>{r.name}</List.Item>
            ))}
          </List>
        </div>
      </SimpleGrid>
    </Paper>
  );
  return (
    <>
      <PageHeader
        title="Service catalogue"
        help="services"
        subtitle="What the firm sells: each service's recurring tasks, close checklist, required information and cut-off"
        actions={
          editable && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
              New service
            </Button>
          )
        }
      />
      <ProblemAlert error={archive.error} title="Could not change the service" />
      <QueryState query={catalogue}>
        {(list) => (
          <Stack gap="md">
            <Text fw={600}>Basic</Text>
            {list.filter((s) => s.tier === "basic").map(card)}
            <Text fw={600}>Advanced</Text>
            {list.filter((s) => s.tier === "advanced").map(card)}
          </Stack>
        )}
      </QueryState>
      {editing && <ServiceEditor service={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
