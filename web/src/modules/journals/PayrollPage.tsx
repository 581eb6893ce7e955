// Payroll journal entries for one client: the provider's column mapping, a payroll register's
// upload with the preview of its entries (a refusal says which column or row), and the payroll
// entries with their state and the next step (approve, post, match the bank line, reverse, discard).
import { useState } from "react";
import { Badge, Button, FileInput, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { payrollApi, registerOf, type PayrollEntry, type PayrollPreview } from "../../api/payroll.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { PayrollMappingForm } from "./PayrollMappingForm.tsx";

const COLORS: Record<string, string> = { draft: "yellow", approved: "blue", posted: "teal", reversed: "red" };
const NEXT: Record<string, Array<["approve" | "post" | "match" | "reverse" | "discard", string]>> = {
  draft: [
    ["approve", "Approve"],
    ["discard", "Discard"],
  ],
  approved: [
    ["post", "Post"],
    ["discard", "Discard"],
  ],
  posted: [
    ["match", "Match bank line"],
    ["reverse", "Reverse"],
  ],
  reversed: [],
};

function PreviewTable({ preview }: { preview: PayrollPreview }) {
  return (
    <Stack gap="xs">
      {preview.duplicates.length > 0 && (
        <Text size="sm" c="red">
          Already imported from {preview.provider}: {preview.duplicates.join(", ")} (importing is refused).
        </Text>
      )}
      {preview.entries.map((e) => (
        <Table key={e.payDate} aria-label={`Entry of ${e.payDate}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                Pay date {e.payDate} · {e.employees} employees · net pay {e.totals.net}
              </Table.Th>
              <Table.Th ta="right">Debit</Table.Th>
              <Table.Th ta="right">Credit</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.lines.map((l, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  {l.accountName}
                  <Text size="xs" c="dimmed">
                    {l.memo}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{l.amount.startsWith("-") ? "" : l.amount}</Table.Td>
                <Table.Td ta="right">{l.amount.startsWith("-") ? l.amount.slice(1) : ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ))}
    </Stack>
  );
}

function EntriesTable({ client, items }: { client: string; items: PayrollEntry[] }) {
  const qc = useQueryClient();
  const act = useMutation({
    mutationFn: async ({ id, step }: { id: string; step: (typeof NEXT)[string][number][0] }) => {
      if (step === "discard") await payrollApi.discard(client, id);
      else await payrollApi.step(client, id, step);
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["payroll", client, "entries"] }),
  });
  return (
    <Stack gap="xs">
      {act.error && <ProblemAlert error={act.error} title="Could not do that" />}
      <Table aria-label="Payroll entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Pay date</Table.Th>
            <Table.Th>Provider</Table.Th>
            <Table.Th ta="right">Gross wages</Table.Th>
            <Table.Th ta="right">Net pay</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Bank line</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.payDate}</Table.Td>
              <Table.Td>{e.provider}</Table.Td>
              <Table.Td ta="right">{e.grossWages}</Table.Td>
              <Table.Td ta="right">{e.netPay}</Table.Td>
              <Table.Td>
                <Badge color={COLORS[e.state]} variant="light">
                  {e.state}
                </Badge>
              </Table.Td>
              <Table.Td>
                {e.matchedTransactionId ? "matched" : e.state === "posted" ? "not yet" : ""}
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end">
                  {NEXT[e.state]!.filter(([s]) => s !== "match" || !e.matchedTransactionId).map(
                    ([step, label]) => (
                      <Button
                        key={step}
                        size="xs"
                        variant={step === "reverse" || step === "discard" ? "subtle" : "light"}
                        color={step === "reverse" || step === "discard" ? "red" : undefined}
                        loading={act.isPending}
                        onClick={() => act.mutate({ id: e.id, step })}
                      >
                        {label}
                      </Button>
                    ),
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function PayrollPage({ client }: { client: string }) {
  const qc = useQueryClient();
  const [provider, setProvider] = useState("gusto");
  const [custom, setCustom] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const key = custom.trim().toLowerCase() || provider;
  const entries = useQuery({
    queryKey: ["payroll", client, "entries"],
    queryFn: () => payrollApi.entries(client),
  });
  const preview = useMutation({
    mutationFn: async () => payrollApi.preview(client, await registerOf(key, file!)),
  });
  const importing = useMutation({
    mutationFn: async () => payrollApi.import(client, await registerOf(key, file!)),
    onSuccess: () => {
      preview.reset();
      void qc.invalidateQueries({ queryKey: ["payroll", client] });
    },
  });
  return (
    <Stack>
      <PageHeader title="Payroll journal entries" help="je-automation" />
      <Group align="flex-end">
        <Select
          label="Payroll provider"
          data={[
            { value: "gusto", label: "Gusto" },
            { value: "adp", label: "ADP" },
            { value: "paychex", label: "Paychex" },
          ]}
          value={provider}
          onChange={(v) => v && setProvider(v)}
          w={180}
        />
        <TextInput
          label="…or another provider (its key)"
          placeholder="e.g. rippling"
          value={custom}
          onChange={(e) => setCustom(e.currentTarget.value)}
          w={220}
        />
      </Group>
      <PayrollMappingForm key={key} client={client} provider={key} />
      <Title order={3} fz={17}>
        Upload a payroll register
      </Title>
      <Group align="flex-end">
        <FileInput
          label="Register (CSV or XLSX)"
          accept=".csv,.xlsx,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            preview.reset();
            importing.reset();
          }}
          w={320}
        />
        <Button variant="light" disabled={!file} loading={preview.isPending} onClick={() => preview.mutate()}>
          Preview
        </Button>
        <Button
          disabled={!file || !preview.data}
          loading={importing.isPending}
          onClick={() => importing.mutate()}
        >
          Import as drafts
        </Button>
      </Group>
      {preview.error && <ProblemAlert error={preview.error} title="The register cannot be booked" />}
      {importing.error && <ProblemAlert error={importing.error} title="Nothing was imported" />}
      {importing.data && <Text size="sm">Imported {importing.data.items.length} draft entries.</Text>}
      {preview.data && <PreviewTable preview={preview.data} />}
      <Title order={3} fz={17}>
        Payroll entries
      </Title>
      <QueryState query={entries} empty="No payroll entries yet." isEmpty={(x) => x.length === 0}>
        {(items) => <EntriesTable client={client} items={items} />}
      </QueryState>
    </Stack>
  );
}
