// The client's rules: written ones and those learned from corrections, what each tests and sets,
// its version and who last changed it; enable/disable, edit with a preview, apply to the
// transactions waiting for review, delete.
import { useState } from "react";
import { Alert, Badge, Button, Menu, ActionIcon, Paper, Switch, Table, Text } from "@mantine/core";
import { IconDots, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { transactionsApi, type Condition, type Rule } from "../../api/transactions.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { useAccounts, useClasses } from "./lookups.ts";
import { RuleEditor } from "./RuleEditor.tsx";

function conditionText(c: Condition): string {
  switch (c.field) {
    case "description":
    case "payee": {
      const op = { contains: "contains", equals: "is", startsWith: "starts with", regex: "matches" }[c.op];
      return `${c.field} ${op} “${c.value}”`;
    }
    case "amount":
      return c.op === "between"
        ? `amount ${c.min}–${c.max}`
        : c.op === "approx"
          ? `amount ≈ ${c.value}`
          : `amount = ${c.value}`;
    case "direction":
      return c.value === "in" ? "money in" : "money out";
    case "bankAccount":
      return "this bank account";
  }
}

export function RulesPage({ client }: { client: string }) {
  const qc = useQueryClient();
  const rules = useQuery({ queryKey: ["rules", client], queryFn: () => transactionsApi.rules(client) });
  const accounts = useAccounts(client);
  const classes = useClasses(client);
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ["rules", client] });
    void qc.invalidateQueries({ queryKey: ["transactions", client] });
  };
  const toggle = useMutation({
    mutationFn: (r: Rule) => transactionsApi.updateRule(client, r.id, { enabled: !r.enabled }),
    onSuccess: refresh,
  });
  const apply = useMutation({
    mutationFn: (r: Rule) => transactionsApi.applyRule(client, r.id),
    onSuccess: (res) => {
      setMessage(
        `Applied to ${res.applied} waiting transaction${res.applied === 1 ? "" : "s"} (${res.posted} posted, ${res.reposted} re-posted).`,
      );
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (r: Rule) => transactionsApi.deleteRule(client, r.id),
    onSuccess: refresh,
  });
  const then = (r: Rule) =>
    [
      r.actions.split
        ? `split over ${r.actions.split.parts.length} accounts`
        : r.actions.account
          ? accounts.name(r.actions.account)
          : null,
      r.actions.payee ? `payee ${r.actions.payee}` : null,
      r.actions.classId ? `class ${classes.byId.get(r.actions.classId)?.name ?? ""}` : null,
      r.actions.memo ? `memo “${r.actions.memo}”` : null,
    ]
      .filter(Boolean)
      .join(", ");
  return (
    <>
      <PageHeader
        title="Rules"
        help="rules-and-ai-settings#rules"
        subtitle="Rules always win over the bot's other predictions. Rules made from a correction are marked as learned."
        actions={
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing("new")}>
            New rule
          </Button>
        }
      />
      {message && (
        <Alert
          color="teal"
          variant="light"
          withCloseButton
          onClose={() => setMessage(null)}
          mb="sm"
          role="status"
        >
          {message}
        </Alert>
      )}
      <ProblemAlert error={toggle.error ?? apply.error ?? remove.error} />
      <QueryState
        query={rules}
        isEmpty={(r) => r.length === 0}
        empty="No rules yet. Make one from a correction in the Transaction Manager, or write one here."
      >
        {(list) => (
          <Paper withBorder radius="md">
            <Table fz="sm" verticalSpacing={6} aria-label="Rules">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Then</Table.Th>
                  <Table.Th w={80}>Version</Table.Th>
                  <Table.Th w={200}>Last updated</Table.Th>
                  <Table.Th w={90}>Enabled</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((r) => (
                  <Table.Tr key={r.id} aria-label={r.name}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.name}
                      </Text>
                      {r.origin === "correction" && (
                        <Badge size="xs" variant="light" color="violet" tt="none">
                          Learned from a correction
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.conditions.map(conditionText).join(r.match === "all" ? " and " : " or ")}
                    </Table.Td>
                    <Table.Td>{then(r)}</Table.Td>
                    <Table.Td>v{r.version}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{r.updatedBy.name}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(r.updatedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`Enabled: ${r.name}`}
                        checked={r.enabled}
                        onChange={() => toggle.mutate(r)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions: ${r.name}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setEditing(r)}>Edit…</Menu.Item>
                          <Menu.Item onClick={() => apply.mutate(r)} disabled={!r.enabled}>
                            Apply to waiting transactions
                          </Menu.Item>
                          <Menu.Item color="red" onClick={() => remove.mutate(r)}>
                            Delete
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryState>
      {editing && (
        <RuleEditor
          key={editing === "new" ? "new" : editing.id}
          client={client}
          rule={editing === "new" ? null : editing}
          accounts={accounts.options}
          classes={classes.options}
          opened
          onClose={() => setEditing(null)}
          onSaved={refresh}
        />
      )}
    </>
  );
}
