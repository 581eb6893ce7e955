// Create forms: a prepaid expense schedule and a fixed recurring entry (debit one account, credit
// another), and the hooks the other create forms share (NewDepreciationForm, NewLoanForm,
// NewFormulaRecurringForm). The server's refusals show under the field they name.
import { useState } from "react";
import { Button, Checkbox, Group, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { journalsApi } from "../../api/journals.ts";
import { ledgerApi } from "../../api/ledger.ts";
import { fieldMessage, messageOf } from "../../api/problem.ts";

export function useAccounts(client: string) {
  const q = useQuery({ queryKey: ["accounts", client], queryFn: () => ledgerApi.accounts(client) });
  return (q.data ?? []).map((a) => ({ value: a.id, label: a.fullName }));
}

export function useCreate(client: string, onDone: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["journals", client] });
      onDone();
    },
  });
}

export function NewPrepaidForm({ client, onDone }: { client: string; onDone: () => void }) {
  const accounts = useAccounts(client);
  const [v, setV] = useState({ name: "", amount: "", startMonth: "", months: 12, expense: "", prepaid: "" });
  const create = useCreate(client, onDone);
  const err = (field: string) => fieldMessage(create.error, field);
  const set = (k: keyof typeof v) => (value: string | number | null) => setV({ ...v, [k]: value ?? "" });
  return (
    <Stack gap="xs" maw={460}>
      <TextInput
        label="Name"
        value={v.name}
        onChange={(e) => set("name")(e.currentTarget.value)}
        error={err("name")}
      />
      <TextInput
        label="Prepaid amount"
        value={v.amount}
        onChange={(e) => set("amount")(e.currentTarget.value)}
        error={err("amount")}
      />
      <Group grow>
        <TextInput
          label="First month (YYYY-MM)"
          value={v.startMonth}
          onChange={(e) => set("startMonth")(e.currentTarget.value)}
          error={err("startMonth")}
        />
        <NumberInput label="Months" value={v.months} onChange={set("months")} error={err("months")} />
      </Group>
      <Select
        label="Expense account"
        data={accounts}
        searchable
        value={v.expense}
        onChange={set("expense")}
        error={err("accounts.expense")}
      />
      <Select
        label="Prepaid account"
        data={accounts}
        searchable
        value={v.prepaid}
        onChange={set("prepaid")}
        error={err("accounts.prepaid")}
      />
      {create.error &&
        !["name", "amount", "startMonth", "months", "accounts.expense", "accounts.prepaid"].some(err) && (
          <TextInput readOnly error={messageOf(create.error)} aria-label="Refusal" />
        )}
      <Button
        loading={create.isPending}
        onClick={() =>
          create.mutate(() =>
            journalsApi.createSchedule(client, {
              kind: "prepaid",
              name: v.name,
              amount: v.amount,
              startMonth: v.startMonth,
              months: Number(v.months),
              accounts: { expense: v.expense, prepaid: v.prepaid },
            }),
          )
        }
      >
        Create schedule
      </Button>
    </Stack>
  );
}

export function NewRecurringForm({ client, onDone }: { client: string; onDone: () => void }) {
  const accounts = useAccounts(client);
  const [v, setV] = useState({
    name: "",
    amount: "",
    startMonth: "",
    debit: "",
    credit: "",
    last: true,
    autoReverse: false,
  });
  const create = useCreate(client, onDone);
  const err = (field: string) => fieldMessage(create.error, field);
  return (
    <Stack gap="xs" maw={460}>
      <TextInput
        label="Name"
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
        error={err("name")}
      />
      <TextInput
        label="Amount"
        value={v.amount}
        onChange={(e) => setV({ ...v, amount: e.currentTarget.value })}
        error={err("lines[0].amount") ?? err("lines")}
      />
      <TextInput
        label="First month (YYYY-MM)"
        value={v.startMonth}
        onChange={(e) => setV({ ...v, startMonth: e.currentTarget.value })}
        error={err("startMonth")}
      />
      <Select
        label="Debit account"
        data={accounts}
        searchable
        value={v.debit}
        onChange={(x) => setV({ ...v, debit: x ?? "" })}
        error={err("lines[0].accountId")}
      />
      <Select
        label="Credit account"
        data={accounts}
        searchable
        value={v.credit}
        onChange={(x) => setV({ ...v, credit: x ?? "" })}
        error={err("lines[1].accountId")}
      />
      <Checkbox
        label="Reverse on the 1st of the next month (accrual)"
        checked={v.autoReverse}
        onChange={(e) => setV({ ...v, autoReverse: e.currentTarget.checked })}
      />
      {create.error && !err("name") && !err("startMonth") && !err("lines") && (
        <TextInput readOnly error={messageOf(create.error)} aria-label="Refusal" />
      )}
      <Button
        loading={create.isPending}
        onClick={() =>
          create.mutate(() =>
            journalsApi.createRecurring(client, {
              name: v.name,
              frequency: "monthly",
              day: "last",
              startMonth: v.startMonth,
              autoReverse: v.autoReverse,
              lines: [
                { kind: "fixed", accountId: v.debit, amount: v.amount },
                { kind: "balancing", accountId: v.credit },
              ],
            }),
          )
        }
      >
        Create recurring entry
      </Button>
    </Stack>
  );
}
