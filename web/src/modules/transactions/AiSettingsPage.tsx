// AI settings of a client: automation per bank account; the review rules (confidence bands,
// materiality, low-confidence behaviour, default accounts, payee and assignee); what the bot learns
// from (training window, excluded accounts) with its model versions and "train now"; and the
// mapping of the client's accounts to the standard categories. Every setting says who changed it last.
import { useState, type ReactNode } from "react";
import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  transactionsApi,
  type AiSettings,
  type AiSettingsValues,
  type Stamp,
} from "../../api/transactions.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { cleanAmount } from "../../lib/money.ts";
import { AutomationPanel } from "./AutomationPanel.tsx";
import { useAccounts, useContacts, useUsers } from "./lookups.ts";
import { TaxonomyPanel } from "./TaxonomyPanel.tsx";

function Updated({ stamp }: { stamp: Stamp | undefined }) {
  return (
    <Text size="xs" c="dimmed">
      {stamp ? `Last updated by ${stamp.name} · ${formatDateTime(stamp.at)}` : "Default"}
    </Text>
  );
}

function Field({ stamp, children }: { stamp: Stamp | undefined; children: ReactNode }) {
  return (
    <Stack gap={2}>
      {children}
      <Updated stamp={stamp} />
    </Stack>
  );
}

export function AiSettingsPage({ client }: { client: string }) {
  const q = useQuery({ queryKey: ["ai-settings", client], queryFn: () => transactionsApi.settings(client) });
  return (
    <>
      <PageHeader
        title="AI settings"
        help="rules-and-ai-settings#ai-settings"
        subtitle="How the bot posts, what it asks people to review, and what it learns from."
      />
      <AutomationPanel client={client} />
      <QueryState query={q}>{(s) => <SettingsForm key={client} client={client} s={s} />}</QueryState>
      <LearningPanel client={client} />
      <TaxonomyPanel client={client} />
    </>
  );
}

function SettingsForm({ client, s }: { client: string; s: AiSettings }) {
  const qc = useQueryClient();
  const accounts = useAccounts(client);
  const contacts = useContacts(client);
  const users = useUsers();
  const [v, setV] = useState<AiSettingsValues>(s.settings);
  const [saved, setSaved] = useState(false);
  const u = s.settings.updated;
  const save = useMutation({
    mutationFn: () =>
      transactionsApi.updateSettings(client, {
        ...v,
        materiality: v.materiality ? (cleanAmount(v.materiality) ?? null) : null,
      }),
    onMutate: () => setSaved(false),
    onSuccess: (next) => {
      setSaved(true);
      setV(next.settings);
      qc.setQueryData(["ai-settings", client], next);
      void qc.invalidateQueries({ queryKey: ["ai-learning", client] });
    },
  });
  const set = <K extends keyof AiSettingsValues>(k: K, value: AiSettingsValues[K]) =>
    setV({ ...v, [k]: value });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Paper withBorder radius="md" p="md" mb="lg" component="section" aria-label="Review rules">
        <Title order={3} fz="md" mb="sm">
          What needs review
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Field stamp={u.bands}>
            <Group grow gap="xs">
              <TextInput
                label="High confidence from (%)"
                value={v.bands.high}
                onChange={(e) => set("bands", { ...v.bands, high: e.currentTarget.value })}
                description="Posted, lands in Processed"
              />
              <TextInput
                label="Medium from (%)"
                value={v.bands.medium}
                onChange={(e) => set("bands", { ...v.bands, medium: e.currentTarget.value })}
                description="Posted, needs review"
              />
            </Group>
          </Field>
          <Field stamp={u.materiality}>
            <TextInput
              label={`Materiality threshold (${s.currency})`}
              placeholder="None"
              description="At or above it, always Needs Review"
              value={v.materiality ?? ""}
              onChange={(e) => set("materiality", e.currentTarget.value || null)}
            />
          </Field>
          <Field stamp={u.lowConfidence}>
            <Radio.Group
              label="Low confidence"
              value={v.lowConfidence}
              onChange={(x) => set("lowConfidence", x as AiSettingsValues["lowConfidence"])}
            >
              <Stack gap={4} mt={4}>
                <Radio value="post_default" label="Post to the default account, then review" />
                <Radio value="hold" label="Hold unposted for review" />
              </Stack>
            </Radio.Group>
          </Field>
          <Field stamp={u.defaultExpenseAccountId}>
            <Select
              label="Default account for money out"
              searchable
              clearable
              data={accounts.options}
              value={v.defaultExpenseAccountId}
              onChange={(x) => set("defaultExpenseAccountId", x)}
            />
          </Field>
          <Field stamp={u.defaultIncomeAccountId}>
            <Select
              label="Default account for money in"
              searchable
              clearable
              data={accounts.options}
              value={v.defaultIncomeAccountId}
              onChange={(x) => set("defaultIncomeAccountId", x)}
            />
          </Field>
          <Field stamp={u.defaultPayeeContactId}>
            <Select
              label="Default payee"
              description="For posted lines without a payee"
              searchable
              clearable
              data={contacts.options}
              value={v.defaultPayeeContactId}
              onChange={(x) => set("defaultPayeeContactId", x)}
            />
          </Field>
          <Field stamp={u.defaultAssigneeId}>
            <Select
              label="Default assignee"
              description="Who reviews new lines"
              clearable
              data={users.options}
              value={v.defaultAssigneeId}
              onChange={(x) => set("defaultAssigneeId", x)}
            />
          </Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder radius="md" p="md" mb="lg" component="section" aria-label="Learning">
        <Title order={3} fz="md" mb="sm">
          What the bot learns from
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Field stamp={u.trainingWindow}>
            <Group grow gap="xs">
              <TextInput
                type="date"
                label="Training window from"
                value={v.trainingWindow.from ?? ""}
                onChange={(e) =>
                  set("trainingWindow", { ...v.trainingWindow, from: e.currentTarget.value || null })
                }
              />
              <TextInput
                type="date"
                label="to"
                value={v.trainingWindow.to ?? ""}
                onChange={(e) =>
                  set("trainingWindow", { ...v.trainingWindow, to: e.currentTarget.value || null })
                }
              />
            </Group>
          </Field>
          <Field stamp={u.excludedAccountIds}>
            <MultiSelect
              label="Accounts never learned from"
              description="For example Ask My Accountant and the uncategorized accounts"
              searchable
              data={accounts.options}
              value={v.excludedAccountIds}
              onChange={(x) => set("excludedAccountIds", x)}
            />
          </Field>
        </SimpleGrid>
      </Paper>
      <ProblemAlert error={save.error} />
      {saved && (
        <Alert color="teal" variant="light" mb="sm" role="status">
          Settings saved.
        </Alert>
      )}
      <Group justify="space-between" mb="lg">
        <Text size="xs" c="dimmed">
          {s.lastUpdated
            ? `Last changed by ${s.lastUpdated.name} · ${formatDateTime(s.lastUpdated.at)}`
            : "These are the defaults: nobody has changed them yet."}
        </Text>
        <Button type="submit" loading={save.isPending}>
          Save settings
        </Button>
      </Group>
    </form>
  );
}

function LearningPanel({ client }: { client: string }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["ai-learning", client],
    queryFn: () => transactionsApi.learning(client),
    refetchInterval: (query) =>
      query.state.data?.trainingQueued || query.state.data?.training?.stage === "training" ? 3000 : false,
  });
  const train = useMutation({
    mutationFn: (scope: "client" | "firm") => transactionsApi.train(client, scope),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["ai-learning", client] }),
  });
  return (
    <Paper withBorder radius="md" p="md" mb="lg" component="section" aria-label="Models">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="md">
          Models
        </Title>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            loading={train.isPending && train.variables === "client"}
            onClick={() => train.mutate("client")}
          >
            Retrain this client
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={train.isPending && train.variables === "firm"}
            onClick={() => train.mutate("firm")}
          >
            Retrain the firm's model
          </Button>
        </Group>
      </Group>
      <ProblemAlert error={train.error} />
      {train.isSuccess && (
        <Alert color="blue" variant="light" mb="sm" role="status">
          Training queued; the new version appears below when it is done.
        </Alert>
      )}
      <QueryState query={q}>
        {(l) => (
          <>
            <Text size="sm" mb="xs">
              {l.pendingCorrections} correction{l.pendingCorrections === 1 ? "" : "s"} waiting for the next
              training{l.trainingQueued ? " (queued)" : ""}; memory holds {l.memory.clientTallies} tallies of
              this client and {l.memory.firmTallies} firm-wide.
            </Text>
            {l.training && (
              <Text size="sm" mb="xs" aria-label="Learning from the books">
                Learning from imported history:{" "}
                {
                  {
                    queued: "queued",
                    reading: "reading the books",
                    training: "training",
                    done: `done (${l.training.lines ?? 0} lines)`,
                    failed: `failed: ${l.training.error ?? "unknown error"}; the previous model stays in use`,
                    "nothing-to-learn": "nothing to learn (no bank or card movement in the import)",
                  }[l.training.stage]
                }{" "}
                ({new Date(l.training.at).toLocaleString()})
              </Text>
            )}
            <Table fz="xs" verticalSpacing={4} aria-label="Model versions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Model</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th ta="right">Lines</Table.Th>
                  <Table.Th>Through</Table.Th>
                  <Table.Th>Trained</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {l.models.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.scope === "firm" ? "Firm-wide" : "This client"}</Table.Td>
                    <Table.Td ff="monospace">{m.version}</Table.Td>
                    <Table.Td ta="right">{m.rows}</Table.Td>
                    <Table.Td>{m.trainedThrough ? formatDate(m.trainedThrough) : ""}</Table.Td>
                    <Table.Td>
                      {m.trainedBy} · {formatDateTime(m.trainedAt)}
                    </Table.Td>
                    <Table.Td>
                      {m.isCurrent ? (
                        <Badge size="xs" color="teal" variant="light">
                          current
                        </Badge>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {l.models.length === 0 && (
              <Text size="sm" c="dimmed">
                Not trained yet: predictions come from rules and this client's memory until the first
                training.
              </Text>
            )}
          </>
        )}
      </QueryState>
    </Paper>
  );
}
