// The clients a template recurs for: add one (from a first period, default the current one),
// take one off, or generate a period's project now (a second generation adds nothing).
import { useState } from "react";
import { Badge, Button, CloseButton, Group, Select, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { workApi, type Template } from "../../api/work.ts";
import type { Client } from "../../api/clients.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

export function TemplateClients({ template, clients }: { template: Template; clients: Client[] }) {
  const qc = useQueryClient();
  const [client, setClient] = useState<string | null>(null);
  const [first, setFirst] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ["project-templates"] });
  const add = useMutation({
    mutationFn: () => workApi.addTemplateClient(template.id, client!, first.trim() || undefined),
    onSuccess: () => (setClient(null), setFirst(""), refresh()),
  });
  const remove = useMutation({
    mutationFn: (slug: string) => workApi.removeTemplateClient(template.id, slug),
    onSuccess: refresh,
  });
  const generate = useMutation({
    mutationFn: (slug: string) => workApi.generate(template.id, slug),
    onSuccess: (r) => {
      setNote(
        r.created
          ? `Generated ${r.period}: ${r.tasks} tasks.`
          : `${r.period} was generated before: nothing added.`,
      );
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
  const assigned = new Set(template.clients.map((c) => c.id));
  return (
    <div aria-label={`Clients of ${template.name}`}>
      <Group gap={6} mb="xs">
        <Text size="sm" c="dimmed">
          Clients:
        </Text>
        {template.clients.length === 0 && (
          <Text size="sm" c="dimmed">
            none yet
          </Text>
        )}
        {template.clients.map((c) => (
          <Badge
            key={c.id}
            variant="outline"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={`Take ${c.name} off`}
                onClick={() => remove.mutate(c.slug)}
              />
            }
          >
            <Text
              component="button"
              type="button"
              size="xs"
              style={{ background: "none", border: 0, padding: 0, cursor: "pointer" }}
              title="Generate the current period now"
              onClick={() => generate.mutate(c.slug)}
            >
              {c.name} (from {c.firstPeriod})
            </Text>
          </Badge>
        ))}
      </Group>
      <Group gap="xs" align="flex-end">
        <Select
          size="xs"
          w={220}
          searchable
          aria-label="Client to add"
          placeholder="Add a client"
          value={client}
          onChange={setClient}
          data={clients.filter((c) => !assigned.has(c.id)).map((c) => ({ value: c.slug, label: c.name }))}
        />
        <TextInput
          size="xs"
          w={160}
          aria-label="First period"
          placeholder="First period (2026-07)"
          value={first}
          onChange={(e) => setFirst(e.currentTarget.value)}
        />
        <Button
          size="xs"
          variant="default"
          disabled={!client}
          loading={add.isPending}
          onClick={() => add.mutate()}
        >
          Add client
        </Button>
      </Group>
      {note && (
        <Text size="xs" c="green" mt={4} role="status">
          {note}
        </Text>
      )}
      {(add.error ?? remove.error ?? generate.error) && (
        <ProblemAlert error={add.error ?? remove.error ?? generate.error} title="Could not do that" />
      )}
    </div>
  );
}
