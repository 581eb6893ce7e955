// Create a loan schedule: principal, yearly rate and term give the level payment, split each month
// into interest and principal; the payment account is the bank account's ledger account it is paid
// from (the schedule table then shows which bank line paid each period).
import { useState } from "react";
import { Button, Group, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { journalsApi } from "../../api/journals.ts";
import { fieldMessage } from "../../api/problem.ts";
import { useAccounts, useCreate } from "./NewEntryForms.tsx";
import { Refusal } from "./Refusal.tsx";

const FIELDS = [
  "name",
  "principal",
  "annualRate",
  "termMonths",
  "firstPaymentMonth",
  "accounts.interest",
  "accounts.liability",
  "accounts.payment",
];

export function NewLoanForm({ client, onDone }: { client: string; onDone: () => void }) {
  const accounts = useAccounts(client);
  const [v, setV] = useState({
    name: "",
    principal: "",
    annualRate: "",
    termMonths: 60,
    firstPaymentMonth: "",
    interest: "",
    liability: "",
    payment: "",
  });
  const create = useCreate(client, onDone);
  const err = (field: string) => fieldMessage(create.error, field);
  const set = (k: keyof typeof v) => (value: string | number | null) => setV({ ...v, [k]: value ?? "" });
  const account = (k: "interest" | "liability" | "payment", label: string) => (
    <Select
      label={label}
      data={accounts}
      searchable
      value={v[k]}
      onChange={set(k)}
      error={err(`accounts.${k}`)}
    />
  );
  return (
    <Stack gap="xs" maw={460}>
      <TextInput
        label="Name"
        value={v.name}
        onChange={(e) => set("name")(e.currentTarget.value)}
        error={err("name")}
      />
      <Group grow>
        <TextInput
          label="Principal"
          value={v.principal}
          onChange={(e) => set("principal")(e.currentTarget.value)}
          error={err("principal")}
        />
        <TextInput
          label="Yearly rate (%)"
          value={v.annualRate}
          onChange={(e) => set("annualRate")(e.currentTarget.value)}
          error={err("annualRate")}
        />
      </Group>
      <Group grow>
        <NumberInput
          label="Term (months)"
          value={v.termMonths}
          onChange={set("termMonths")}
          error={err("termMonths")}
        />
        <TextInput
          label="First payment (YYYY-MM)"
          value={v.firstPaymentMonth}
          onChange={(e) => set("firstPaymentMonth")(e.currentTarget.value)}
          error={err("firstPaymentMonth")}
        />
      </Group>
      {account("interest", "Interest expense account")}
      {account("liability", "Loan liability account")}
      {account("payment", "Paid from (bank account's ledger account)")}
      <Refusal error={create.error} fields={FIELDS} />
      <Button
        loading={create.isPending}
        onClick={() =>
          create.mutate(() =>
            journalsApi.createSchedule(client, {
              kind: "loan",
              name: v.name,
              principal: v.principal,
              annualRate: v.annualRate,
              termMonths: Number(v.termMonths),
              firstPaymentMonth: v.firstPaymentMonth,
              accounts: { interest: v.interest, liability: v.liability, payment: v.payment },
            }),
          )
        }
      >
        Create loan schedule
      </Button>
    </Stack>
  );
}
