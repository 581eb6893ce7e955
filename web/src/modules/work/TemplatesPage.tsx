// Project templates: the firm's recurring blueprints (a list of tasks, each due relative to the
// period — "day 3 of the month", "2 business days before close"), recurring monthly, quarterly or
// yearly for the clients they are assigned to. Edited in a modal; a refusal shows under its field.
import { useState } from "react";
import { Badge, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { workApi, type Template } from "../../api/work.ts";
import { clientsApi } from "../../api/clients.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { TemplateEditor } from "./TemplateEditor.tsx";
import { TemplateClients } from "./TemplateClients.tsx";

const RECURRENCE_LABEL = { monthly: "Monthly", quarterly: "Quarterly", yearly: "Yearly" } as const;

export function TemplatesPage() {
  const qc = useQueryClient();
  const templates = useQuery({ queryKey: ["project-templates"], queryFn: workApi.templates });
  const clients = useQuery({ queryKey: ["clients"], queryFn: clientsApi.list });
  const [editing, setEditing] = useState<Template | "new" | null>(null);
  const archive = useMutation({
    mutationFn: (id: string) => workApi.archiveTemplate(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["project-templates"] }),
  });
  return (
    <>
      <PageHeader
        title="Project templates"
        help="work#project-templates"
        subtitle="Recurring work: each period, every assigned client gets the template's project and tasks"
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
            New template
          </Button>
        }
      />
      {archive.error && <ProblemAlert error={archive.error} title="Could not archive the template" />}
      <QueryState query={templates} isEmpty={(t) => t.length === 0} empty="No templates yet.">
        {(list) => (
          <Stack gap="md">
            {list.map((t) => (
              <Paper key={t.id} withBorder p="md" radius="md" aria-label={`Template ${t.name}`}>
                <Group justify="space-between" mb="xs">
                  <Group gap="xs">
                    <Text fw={600}>{t.name}</Text>
                    <Badge variant="light">{RECURRENCE_LABEL[t.recurrence]}</Badge>
                  </Group>
                  <Group gap="xs">
                    <Button size="xs" variant="default" onClick={() => setEditing(t)}>
                      Edit
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => archive.mutate(t.id)}>
                      Archive
                    </Button>
                  </Group>
                </Group>
                <Table fz="sm" mb="sm">
                  <Table.Tbody>
                    {t.blueprints.map((b, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{b.title}</Table.Td>
                        <Table.Td c="dimmed">{b.dueText}</Table.Td>
                        <Table.Td c="dimmed">
                          {b.assignee.kind === "client"
                            ? "Client"
                            : b.assignee.kind === "user"
                              ? "A person"
                              : "Unassigned"}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <TemplateClients template={t} clients={clients.data ?? []} />
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
      {editing && (
        <TemplateEditor
          template={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void qc.invalidateQueries({ queryKey: ["project-templates"] });
          }}
        />
      )}
    </>
  );
}
