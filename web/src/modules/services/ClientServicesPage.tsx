// A client's scope: the catalogue's services, each switched on (from a month) or off. Switching one
// on generates its recurring work and puts its checklist and required information on the client's
// months; Partner Admins and Partner Ops change it, everyone else reads.
import { useState } from "react";
import { Badge, Button, Group, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { servicesApi, type ClientScope } from "../../api/services.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useCan } from "../../app/session.tsx";

type Draft = Record<string, { on: boolean; from: string }>;

const draftOf = (v: ClientScope): Draft =>
  Object.fromEntries(v.services.map((s) => [s.code, { on: s.on, from: s.from ?? "" }]));

export function ClientServicesPage({ client }: { client: string }) {
  const qc = useQueryClient();
  const can = useCan();
  const editable = can("services.manage");
  const scope = useQuery({ queryKey: ["client-services", client], queryFn: () => servicesApi.scope(client) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [generated, setGenerated] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: (d: Draft) =>
      servicesApi.putScope(
        client,
        Object.entries(d)
          .filter(([, v]) => v.on)
          .map(([code, v]) => (v.from ? { code, from: v.from } : { code })),
      ),
    onSuccess: (v) => {
      qc.setQueryData(["client-services", client], v);
      setDraft(null);
      setGenerated(v.generatedTasks ?? 0);
    },
  });
  return (
    <>
      <PageHeader
        title="Services"
        help="services#a-clients-services"
        subtitle="The services this client has: each one's tasks, checklist and required information come with it"
      />
      <ProblemAlert error={save.error} title="Could not change the services" />
      {generated !== null && generated > 0 && (
        <Text size="sm" mb="sm">
          {generated} recurring task{generated === 1 ? "" : "s"} generated for this month.
        </Text>
      )}
      <QueryState query={scope}>
        {(v) => {
          const d = draft ?? draftOf(v);
          const set = (code: string, patch: Partial<Draft[string]>) =>
            setDraft({ ...d, [code]: { ...d[code]!, ...patch } });
          return (
            <Stack>
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Service</Table.Th>
                    <Table.Th>On</Table.Th>
                    <Table.Th>From (YYYY-MM)</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {v.services.map((s) => (
                    <Table.Tr key={s.code}>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm">{s.name}</Text>
                          <Badge size="xs" variant="light" color={s.tier === "basic" ? "blue" : "grape"}>
                            {s.tier}
                          </Badge>
                          {s.until && !s.on && (
                            <Text size="xs" c="dimmed">
                              ended {s.until}
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Switch
                          aria-label={`${s.name} on`}
                          checked={d[s.code]!.on}
                          disabled={!editable || (s.archived && !s.on)}
                          onChange={(e) => set(s.code, { on: e.currentTarget.checked })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          size="xs"
                          w={110}
                          placeholder="this month"
                          disabled={!editable || !d[s.code]!.on}
                          value={d[s.code]!.from}
                          onChange={(e) => set(s.code, { from: e.currentTarget.value })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {editable && (
                <Group>
                  <Button disabled={!draft} loading={save.isPending} onClick={() => save.mutate(d)}>
                    Save services
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
