// Create a depreciation schedule: cost, salvage and useful life, the method (straight line,
// declining balance with its factor, sum of the years' digits) and the first-month convention.
import { useState } from "react";
import { Button, Group, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { journalsApi } from "../../api/journals.ts";
import { fieldMessage } from "../../api/problem.ts";
import { useAccounts, useCreate } from "./NewEntryForms.tsx";
import { Refusal } from "./Refusal.tsx";

const METHODS = [
  { value: "straight_line", label: "Straight line" },
  { value: "declining_balance", label: "Declining balance" },
  { value: "sum_of_years", label: "Sum of the years' digits" },
];
const CONVENTIONS = [
  { value: "full_month", label: "Full month (the first month counts in full)" },
  { value: "mid_month", label: "Mid-month (half of the first month)" },
];
const FIELDS = [
  "name",
  "cost",
  "salvage",
  "lifeMonths",
  "method",
  "factor",
  "convention",
  "inServiceMonth",
  "accounts.expense",
  "accounts.accumulated",
];

export function NewDepreciationForm({ client, onDone }: { client: string; onDone: () => void }) {
  const accounts = useAccounts(client);
  const [v, setV] = useState({
    name: "",
    cost: "",
    salvage: "0",
    lifeMonths: 60,
    method: "straight_line",
    factor: "2",
    convention: "full_month",
    inServiceMonth: "",
    expense: "",
    accumulated: "",
  });
  const create = useCreate(client, onDone);
  const err = (field: string) => fieldMessage(create.error, field);
  const set = (k: keyof typeof v) => (value: string | number | null) => setV({ ...v, [k]: value ?? "" });
  const text = (k: keyof typeof v, label: string) => (
    <TextInput
      label={label}
      value={String(v[k])}
      onChange={(e) => set(k)(e.currentTarget.value)}
      error={err(k)}
    />
  );
  return (
    <Stack gap="xs" maw={460}>
      {text("name", "Name")}
      <Group grow>
        {text("cost", "Cost")}
        {text("salvage", "Salvage value")}
      </Group>
      <Group grow>
        <NumberInput
          label="Useful life (months)"
          value={v.lifeMonths}
          onChange={set("lifeMonths")}
          error={err("lifeMonths")}
        />
        {text("inServiceMonth", "In service from (YYYY-MM)")}
      </Group>
      <Select label="Method" data={METHODS} value={v.method} onChange={set("method")} error={err("method")} />
      {v.method === "declining_balance" && text("factor", 'Factor ("2" is double declining)')}
      <Select
        label="Convention"
        data={CONVENTIONS}
        value={v.convention}
        onChange={set("convention")}
        error={err("convention")}
      />
      <Select
        label="Depreciation expense account"
        data={accounts}
        searchable
        value={v.expense}
        onChange={set("expense")}
        error={err("accounts.expense")}
      />
      <Select
        label="Accumulated depreciation account"
        data={accounts}
        searchable
        value={v.accumulated}
        onChange={set("accumulated")}
        error={err("accounts.accumulated")}
      />
      <Refusal error={create.error} fields={FIELDS} />
      <Button
        loading={create.isPending}
        onClick={() =>
          create.mutate(() =>
            journalsApi.createSchedule(client, {
              kind: "depreciation",
              name: v.name,
              cost: v.cost,
              salvage: v.salvage || "0",
              lifeMonths: Number(v.lifeMonths),
              method: v.method as "straight_line",
              factor: v.method === "declining_balance" ? v.factor : null,
              convention: v.convention as "full_month",
              inServiceMonth: v.inServiceMonth,
              accounts: { expense: v.expense, accumulated: v.accumulated },
            }),
          )
        }
      >
        Create depreciation schedule
      </Button>
    </Stack>
  );
}
