// Create a recurring entry with formula lines: fixed amounts (debit positive), a percentage of
// another account's balance at period end or of its month's activity, and one balancing line that
// takes whatever makes the entry balance. An entry that cannot balance is held at generation, and
// its preparer is told.
import { useState } from "react";
import { ActionIcon, Button, Checkbox, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { journalsApi, type RecurringInput } from "../../api/journals.ts";
import { fieldMessage } from "../../api/problem.ts";
import { useAccounts, useCreate } from "./NewEntryForms.tsx";
import { Refusal } from "./Refusal.tsx";

type Kind = "fixed" | "percent" | "balancing";
interface Row {
  kind: Kind;
  accountId: string;
  amount: string;
  side: "debit" | "credit";
  basis: "balance" | "activity";
  sourceAccountId: string;
  percent: string;
}
const blank = (kind: Kind): Row => ({
  kind,
  accountId: "",
  amount: "",
  side: "debit",
  basis: "balance",
  sourceAccountId: "",
  percent: "",
});
const KINDS = [
  { value: "fixed", label: "Fixed amount" },
  { value: "percent", label: "Percent of an account" },
  { value: "balancing", label: "Balancing" },
];

function lineOf(r: Row): RecurringInput["lines"][number] {
  if (r.kind === "fixed") return { kind: "fixed", accountId: r.accountId, amount: r.amount };
  if (r.kind === "percent")
    return {
      kind: "percent",
      accountId: r.accountId,
      side: r.side,
      basis: r.basis,
      sourceAccountId: r.sourceAccountId,
      percent: r.percent,
    };
  return { kind: "balancing", accountId: r.accountId };
}

export function NewFormulaRecurringForm({ client, onDone }: { client: string; onDone: () => void }) {
  const accounts = useAccounts(client);
  const [v, setV] = useState({
    name: "",
    frequency: "monthly",
    day: "last",
    startMonth: "",
    autoReverse: false,
  });
  const [rows, setRows] = useState<Row[]>([blank("percent"), blank("balancing")]);
  const create = useCreate(client, onDone);
  const err = (field: string) => fieldMessage(create.error, field);
  const setRow = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs" maw={620}>
      <TextInput
        label="Name"
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
        error={err("name")}
      />
      <Group grow>
        <Select
          label="Frequency"
          data={["monthly", "quarterly", "yearly"]}
          value={v.frequency}
          onChange={(x) => setV({ ...v, frequency: x ?? "monthly" })}
          error={err("frequency")}
        />
        <TextInput
          label='Day ("last" or 1–28)'
          value={v.day}
          onChange={(e) => setV({ ...v, day: e.currentTarget.value })}
          error={err("day")}
        />
        <TextInput
          label="First month (YYYY-MM)"
          value={v.startMonth}
          onChange={(e) => setV({ ...v, startMonth: e.currentTarget.value })}
          error={err("startMonth")}
        />
      </Group>
      <Text fw={600} size="sm">
        Lines
      </Text>
      {rows.map((r, i) => (
        <Stack key={i} gap={4} aria-label={`Line ${i + 1}`}>
          <Group grow align="flex-end">
            <Select
              label="Kind"
              data={KINDS}
              value={r.kind}
              onChange={(x) => setRow(i, { kind: (x ?? "fixed") as Kind })}
            />
            <Select
              label="Account"
              data={accounts}
              searchable
              value={r.accountId}
              onChange={(x) => setRow(i, { accountId: x ?? "" })}
              error={err(`lines.${i}.accountId`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove line ${i + 1}`}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
          {r.kind === "fixed" && (
            <TextInput
              label="Amount (debit positive, credit negative)"
              value={r.amount}
              onChange={(e) => setRow(i, { amount: e.currentTarget.value })}
              error={err(`lines.${i}.amount`)}
            />
          )}
          {r.kind === "percent" && (
            <Group grow>
              <TextInput
                label="Percent"
                value={r.percent}
                onChange={(e) => setRow(i, { percent: e.currentTarget.value })}
                error={err(`lines.${i}.percent`)}
              />
              <Select
                label="Of"
                data={[
                  { value: "balance", label: "the balance at period end" },
                  { value: "activity", label: "the month's activity" },
                ]}
                value={r.basis}
                onChange={(x) => setRow(i, { basis: (x ?? "balance") as Row["basis"] })}
              />
              <Select
                label="Of account"
                data={accounts}
                searchable
                value={r.sourceAccountId}
                onChange={(x) => setRow(i, { sourceAccountId: x ?? "" })}
                error={err(`lines.${i}.sourceAccountId`)}
              />
              <Select
                label="As a"
                data={["debit", "credit"]}
                value={r.side}
                onChange={(x) => setRow(i, { side: (x ?? "debit") as Row["side"] })}
              />
            </Group>
          )}
        </Stack>
      ))}
      <Group>
        <Button variant="subtle" size="xs" onClick={() => setRows([...rows, blank("fixed")])}>
          Add a line
        </Button>
      </Group>
      <Checkbox
        label="Reverse it on the 1st of the next month (an accrual)"
        checked={v.autoReverse}
        onChange={(e) => setV({ ...v, autoReverse: e.currentTarget.checked })}
      />
      <Refusal
        error={create.error}
        fields={["name", "frequency", "day", "startMonth", "lines"].concat(
          rows.flatMap((_, i) => [
            `lines.${i}.accountId`,
            `lines.${i}.amount`,
            `lines.${i}.percent`,
            `lines.${i}.sourceAccountId`,
          ]),
        )}
      />
      {err("lines") && (
        <Text size="sm" c="red">
          {err("lines")}
        </Text>
      )}
      <Button
        loading={create.isPending}
        onClick={() =>
          create.mutate(() =>
            journalsApi.createRecurring(client, {
              name: v.name,
              frequency: v.frequency as "monthly",
              day: v.day === "last" ? "last" : Number(v.day),
              startMonth: v.startMonth,
              autoReverse: v.autoReverse,
              lines: rows.map(lineOf),
            }),
          )
        }
      >
        Create recurring entry
      </Button>
    </Stack>
  );
}
