// JE Automation for one client: the month-end batch, the recurring entries and schedules (a
// schedule opens its full table), and the create forms.
import { useState } from "react";
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { journalsApi, type JournalSource } from "../../api/journals.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { BatchSection } from "./BatchSection.tsx";
import { NewPrepaidForm, NewRecurringForm } from "./NewEntryForms.tsx";
import { NewDepreciationForm } from "./NewDepreciationForm.tsx";
import { NewFormulaRecurringForm } from "./NewFormulaRecurringForm.tsx";
import { NewLoanForm } from "./NewLoanForm.tsx";

type FormKind = "recurring" | "formula" | "prepaid" | "depreciation" | "loan";
const TITLES: Record<FormKind, string> = {
  recurring: "New recurring entry",
  formula: "New recurring entry with formula lines",
  prepaid: "New prepaid schedule",
  depreciation: "New depreciation schedule",
  loan: "New loan schedule",
};

function SourceTable({ client, items, label }: { client: string; items: JournalSource[]; label: string }) {
  return (
    <Table aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Posting</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              {s.kind === "recurring" ? (
                s.name
              ) : (
                <Anchor href={`/c/${client}/journals/schedules/${s.id}`}>{s.name}</Anchor>
              )}
              {!s.active && (
                <Badge ml="xs" color="gray" variant="light">
                  off
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{s.kind}</Table.Td>
            <Table.Td>
              {s.autoPost ? "auto-post" : "draft for approval"}
              {s.autoReverse ? ", reverses on the 1st" : ""}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function JournalsPage({ client }: { client: string }) {
  const [form, setForm] = useState<FormKind | null>(null);
  const recurring = useQuery({
    queryKey: ["journals", client, "recurring"],
    queryFn: () => journalsApi.recurring(client),
  });
  const schedules = useQuery({
    queryKey: ["journals", client, "schedules"],
    queryFn: () => journalsApi.schedules(client),
  });
  return (
    <Stack>
      <PageHeader
        title="JE Automation"
        help="je-automation"
        actions={
          <Group>
            <Button component="a" variant="default" href={`/c/${client}/journals/payroll`}>
              Payroll
            </Button>
            <Button variant="light" onClick={() => setForm("recurring")}>
              New recurring entry
            </Button>
            <Button variant="light" onClick={() => setForm("formula")}>
              New formula entry
            </Button>
            <Button variant="light" onClick={() => setForm("prepaid")}>
              New prepaid schedule
            </Button>
            <Button variant="light" onClick={() => setForm("depreciation")}>
              New depreciation schedule
            </Button>
            <Button variant="light" onClick={() => setForm("loan")}>
              New loan schedule
            </Button>
          </Group>
        }
      />
      <BatchSection client={client} />
      <Title order={3} fz={17}>
        Recurring entries
      </Title>
      <QueryState query={recurring} empty="No recurring entries yet." isEmpty={(x) => x.length === 0}>
        {(items) => <SourceTable client={client} items={items} label="Recurring entries" />}
      </QueryState>
      <Title order={3} fz={17}>
        Schedules
      </Title>
      <QueryState query={schedules} empty="No schedules yet." isEmpty={(x) => x.length === 0}>
        {(items) => <SourceTable client={client} items={items} label="Schedules" />}
      </QueryState>
      <Modal
        opened={form !== null}
        onClose={() => setForm(null)}
        title={form ? TITLES[form] : ""}
        size={form === "formula" ? "xl" : "md"}
      >
        {form === "prepaid" && <NewPrepaidForm client={client} onDone={() => setForm(null)} />}
        {form === "recurring" && <NewRecurringForm client={client} onDone={() => setForm(null)} />}
        {form === "formula" && <NewFormulaRecurringForm client={client} onDone={() => setForm(null)} />}
        {form === "depreciation" && <NewDepreciationForm client={client} onDone={() => setForm(null)} />}
        {form === "loan" && <NewLoanForm client={client} onDone={() => setForm(null)} />}
      </Modal>
    </Stack>
  );
}
