// Writing or editing a rule: conditions (description, payee, amount, direction), what it sets
// (account, payee, class, memo), and a preview of the transactions it would take — the same
// conditions "apply to existing" uses — before it is saved.
import { useState } from "react";
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { transactionsApi, type Condition, type Rule, type RuleInput } from "../../api/transactions.ts";
import { Amount } from "../../components/Amount.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { formatDate } from "../../lib/dates.ts";
import type { Option } from "./lookups.ts";

type Kind = "description" | "payee" | "amount" | "direction";

interface Row {
  kind: Kind;
  op: string;
  value: string;
  max: string;
}

const OPS: Record<Kind, Option[]> = {
  description: [
    { value: "contains", label: "contains" },
    { value: "equals", label: "is" },
    { value: "startsWith", label: "starts with" },
    { value: "regex", label: "matches pattern" },
  ],
  payee: [
    { value: "equals", label: "is" },
    { value: "contains", label: "contains" },
    { value: "startsWith", label: "starts with" },
  ],
  amount: [
    { value: "equals", label: "is" },
    { value: "between", label: "is between" },
  ],
  direction: [{ value: "is", label: "is" }],
};

function rowOf(c: Condition): Row {
  if (c.field === "amount" && c.op === "between")
    return { kind: "amount", op: "between", value: c.min, max: c.max };
  if (c.field === "amount")
    return { kind: "amount", op: "equals", value: "value" in c ? c.value : "", max: "" };
  if (c.field === "bankAccount") return { kind: "description", op: "contains", value: "", max: "" };
  return { kind: c.field, op: c.op, value: c.value, max: "" };
}

function conditionOf(r: Row): Condition {
  if (r.kind === "amount")
    return r.op === "between"
      ? { field: "amount", op: "between", min: r.value, max: r.max }
      : { field: "amount", op: "equals", value: r.value };
  if (r.kind === "direction") return { field: "direction", op: "is", value: r.value === "in" ? "in" : "out" };
  return { field: r.kind, op: r.op as "contains", value: r.value };
}

export function RuleEditor({
  client,
  rule,
  accounts,
  classes,
  opened,
  onClose,
  onSaved,
}: {
  client: string;
  rule: Rule | null;
  accounts: Option[];
  classes: Option[];
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [name, setName] = useState(rule?.name ?? "");
  const [match, setMatch] = useState<"all" | "any">(rule?.match ?? "all");
  const [rows, setRows] = useState<Row[]>(
    rule ? rule.conditions.map(rowOf) : [{ kind: "description", op: "contains", value: "", max: "" }],
  );
  const [account, setAccount] = useState<string | null>(rule?.actions.account ?? null);
  const [payee, setPayee] = useState(rule?.actions.payee ?? "");
  const [klass, setKlass] = useState<string | null>(rule?.actions.classId ?? null);
  const [memo, setMemo] = useState(rule?.actions.memo ?? "");
  const input = (): RuleInput => ({
    ...(name.trim() ? { name: name.trim() } : {}),
    match,
    conditions: rows.map(conditionOf),
    actions: {
      ...(rule?.actions.split ? { split: rule.actions.split } : account ? { account } : {}),
      ...(payee.trim() ? { payee: payee.trim() } : {}),
      ...(klass ? { classId: klass } : {}),
      ...(memo.trim() ? { memo: memo.trim() } : {}),
    },
  });
  const preview = useMutation({ mutationFn: () => transactionsApi.previewRule(client, input(), rule?.id) });
  const save = useMutation({
    mutationFn: () =>
      rule
        ? transactionsApi.updateRule(client, rule.id, input())
        : transactionsApi.createRule(client, input()),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  const set = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const accountName = (id: string | null) => accounts.find((a) => a.value === id)?.label ?? "";
  return (
    <Modal opened={opened} onClose={onClose} title={rule ? `Edit rule “${rule.name}”` : "New rule"} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={save.error ?? preview.error} />
          <TextInput
            label="Name"
            placeholder="Made from the first condition and the account when left empty"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Group gap="xs">
            <Text size="sm" fw={600}>
              When
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Match"
              value={match}
              onChange={(v) => setMatch(v as "all" | "any")}
              data={[
                { value: "all", label: "all of these hold" },
                { value: "any", label: "any of these holds" },
              ]}
            />
          </Group>
          {rows.map((r, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
              <Select
                size="xs"
                w={140}
                label={`Condition ${i + 1}`}
                data={[
                  { value: "description", label: "Description" },
                  { value: "payee", label: "Payee" },
                  { value: "amount", label: "Amount" },
                  { value: "direction", label: "Money" },
                ]}
                value={r.kind}
                onChange={(v) =>
                  v &&
                  set(i, {
                    kind: v as Kind,
                    op: OPS[v as Kind][0]!.value,
                    value: v === "direction" ? "out" : "",
                  })
                }
              />
              <Select
                size="xs"
                w={150}
                aria-label={`Condition ${i + 1} test`}
                data={OPS[r.kind]}
                value={r.op}
                onChange={(v) => v && set(i, { op: v })}
              />
              {r.kind === "direction" ? (
                <Select
                  size="xs"
                  w={160}
                  aria-label={`Condition ${i + 1} value`}
                  data={[
                    { value: "out", label: "going out" },
                    { value: "in", label: "coming in" },
                  ]}
                  value={r.value}
                  onChange={(v) => v && set(i, { value: v })}
                />
              ) : (
                <TextInput
                  size="xs"
                  style={{ flex: 1 }}
                  aria-label={`Condition ${i + 1} value`}
                  value={r.value}
                  onChange={(e) => set(i, { value: e.currentTarget.value })}
                />
              )}
              {r.kind === "amount" && r.op === "between" && (
                <TextInput
                  size="xs"
                  w={110}
                  aria-label={`Condition ${i + 1} up to`}
                  placeholder="and"
                  value={r.max}
                  onChange={(e) => set(i, { max: e.currentTarget.value })}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove condition ${i + 1}`}
                disabled={rows.length <= 1}
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            type="button"
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} />}
            onClick={() => setRows([...rows, { kind: "description", op: "contains", value: "", max: "" }])}
          >
            Add a condition
          </Button>
          <Text size="sm" fw={600}>
            Then
          </Text>
          {rule?.actions.split ? (
            <Text size="sm" c="dimmed">
              Splits the line ({rule.actions.split.by === "percent" ? "by percent" : "by amount"}) over{" "}
              {rule.actions.split.parts.length} accounts.
            </Text>
          ) : (
            <Select
              label="Account"
              searchable
              clearable
              data={accounts}
              value={account}
              onChange={setAccount}
            />
          )}
          <Group grow>
            <TextInput label="Payee" value={payee} onChange={(e) => setPayee(e.currentTarget.value)} />
            <Select
              label="Class"
              clearable
              data={classes}
              value={klass}
              onChange={setKlass}
              disabled={classes.length === 0}
            />
            <TextInput label="Memo" value={memo} onChange={(e) => setMemo(e.currentTarget.value)} />
          </Group>
          {preview.data && (
            <Stack gap={4} role="region" aria-label="Rule preview">
              <Text size="sm">
                Matches <b>{preview.data.matched}</b> transaction{preview.data.matched === 1 ? "" : "s"};{" "}
                <b>{preview.data.applicable}</b> waiting for review would change when it is applied.
              </Text>
              {preview.data.lines.length > 0 && (
                <Table fz="xs" verticalSpacing={2}>
                  <Table.Tbody>
                    {preview.data.lines.slice(0, 8).map((l) => (
                      <Table.Tr key={l.transactionId}>
                        <Table.Td>{formatDate(l.date)}</Table.Td>
                        <Table.Td>{l.description}</Table.Td>
                        <Table.Td ta="right">
                          <Amount value={l.amount} size="xs" />
                        </Table.Td>
                        <Table.Td>{l.split ? "split" : accountName(l.accountId)}</Table.Td>
                        <Table.Td>
                          {l.wouldApply ? (
                            <Badge size="xs" color="teal" variant="light">
                              would apply
                            </Badge>
                          ) : l.outrankedBy ? (
                            <Badge size="xs" color="gray" variant="light">
                              another rule wins
                            </Badge>
                          ) : (
                            <Badge size="xs" color="gray" variant="light">
                              {l.status === "processed" ? "done" : l.status}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          )}
          <Group justify="space-between">
            <Button
              type="button"
              variant="default"
              loading={preview.isPending}
              onClick={() => preview.mutate()}
            >
              Preview
            </Button>
            <Group gap="xs">
              <Button type="button" variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save rule
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
