// A payroll provider's column mapping: start from a built-in preset (Gusto, ADP, Paychex) or the
// saved one, edit the column headers and their roles, pick the ledger accounts, save. The server's
// refusals show under the field they name.
import { useState } from "react";
import {
  ActionIcon,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ledgerApi } from "../../api/ledger.ts";
import { payrollApi, type PayrollMappingInput } from "../../api/payroll.ts";
import { fieldMessage } from "../../api/problem.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

const ROLES = [
  { value: "pay_date", label: "Pay date" },
  { value: "gross_wages", label: "Gross wages" },
  { value: "employee_withholdings", label: "Employee withholdings" },
  { value: "net_pay", label: "Net pay" },
  { value: "employer_taxes", label: "Employer taxes" },
  { value: "benefits", label: "Benefits (employer)" },
  { value: "reimbursements", label: "Reimbursements" },
  { value: "department", label: "Department / class" },
  { value: "employee", label: "Employee" },
];
const ACCOUNTS = [
  ["wages", "Wages expense"],
  ["employerTaxes", "Payroll tax expense"],
  ["benefits", "Benefits expense"],
  ["reimbursements", "Reimbursements expense"],
  ["liabilities", "Payroll liabilities"],
  ["benefitsPayable", "Benefits payable (optional)"],
  ["bank", "Bank account (net pay)"],
] as const;
type Role = PayrollMappingInput["columns"][string];
type AccountKey = (typeof ACCOUNTS)[number][0];

export function PayrollMappingForm({ client, provider }: { client: string; provider: string }) {
  const qc = useQueryClient();
  const presets = useQuery({
    queryKey: ["payroll", client, "presets"],
    queryFn: () => payrollApi.presets(client),
  });
  const saved = useQuery({
    queryKey: ["payroll", client, "mappings"],
    queryFn: () => payrollApi.mappings(client),
  });
  const chart = useQuery({ queryKey: ["accounts", client], queryFn: () => ledgerApi.accounts(client) });
  const accounts = (chart.data ?? []).map((a) => ({ value: a.id, label: a.fullName }));
  const [columns, setColumns] = useState<Array<[string, Role]>>([]);
  const [picked, setPicked] = useState<Partial<Record<AccountKey, string>>>({});
  const save = useMutation({
    mutationFn: () =>
      payrollApi.saveMapping(client, provider, {
        columns: Object.fromEntries(columns.filter(([h]) => h.trim() !== "")),
        accounts: picked as PayrollMappingInput["accounts"],
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["payroll", client] }),
  });
  const current = saved.data?.find((m) => m.provider === provider);
  const preset = presets.data?.find((p) => p.provider === provider);

  function loadPreset() {
    if (!preset) return;
    setColumns(Object.entries(preset.columns) as Array<[string, Role]>);
    const byNumber = new Map((chart.data ?? []).map((a) => [a.number, a.id]));
    setPicked(
      Object.fromEntries(
        Object.entries(preset.accountNumbers).flatMap(([k, n]) =>
          byNumber.get(n) ? [[k, byNumber.get(n)!]] : [],
        ),
      ),
    );
  }
  function loadSaved() {
    if (!current) return;
    setColumns(Object.entries(current.columns) as Array<[string, Role]>);
    setPicked(current.accounts as Partial<Record<AccountKey, string>>);
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4} fz={15}>
          Column mapping for “{provider}”
        </Title>
        <Group>
          <Button variant="default" size="xs" disabled={!preset} onClick={loadPreset}>
            Start from the {provider} preset
          </Button>
          <Button variant="default" size="xs" disabled={!current} onClick={loadSaved}>
            Load the saved mapping
          </Button>
        </Group>
      </Group>
      {fieldMessage(save.error, "columns") && (
        <Text size="sm" c="red">
          {fieldMessage(save.error, "columns")}
        </Text>
      )}
      <Table aria-label="Columns">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column header in the file</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map(([header, role], i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={`Header ${i + 1}`}
                  value={header}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setColumns(columns.map((c, j) => (j === i ? [value, c[1]] : c)));
                  }}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={`Role of ${header}`}
                  data={ROLES}
                  value={role}
                  onChange={(v) => v && setColumns(columns.map((c, j) => (j === i ? [c[0], v as Role] : c)))}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${header}`}
                  onClick={() => setColumns(columns.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="light" size="xs" onClick={() => setColumns([...columns, ["", "gross_wages"]])}>
          Add a column
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {ACCOUNTS.map(([key, label]) => (
          <Select
            key={key}
            label={label}
            data={accounts}
            searchable
            clearable
            value={picked[key] ?? null}
            onChange={(v) => setPicked({ ...picked, [key]: v ?? undefined })}
            error={fieldMessage(save.error, `accounts.${key}`)}
          />
        ))}
      </SimpleGrid>
      {save.error && <ProblemAlert error={save.error} title="The mapping was not saved" />}
      <Group>
        <Button loading={save.isPending} onClick={() => save.mutate()} disabled={columns.length === 0}>
          Save mapping
        </Button>
        {save.isSuccess && <Text size="sm">Saved.</Text>}
      </Group>
    </Stack>
  );
}
