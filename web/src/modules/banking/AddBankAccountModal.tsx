// The "Add bank account" dialog: a bank or card account of the client, linked to a ledger account
// of the matching detail type (bank, or credit card) that no other bank account feeds yet.
import { useState } from "react";
import {
  Autocomplete,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { bankingApi, type BankAccount, type BankAccountKind } from "../../api/banking.ts";
import { ledgerApi } from "../../api/ledger.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { accountLabel } from "../../lib/accounts.ts";

export function AddBankAccountModal({
  client,
  opened,
  onClose,
  accounts,
  onDone,
}: {
  client: string;
  opened: boolean;
  onClose: () => void;
  accounts: BankAccount[];
  onDone: () => unknown;
}) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<BankAccountKind>("bank");
  const [ledgerAccountId, setLedgerAccountId] = useState<string | null>(null);
  const [institution, setInstitution] = useState("");
  const [mask, setMask] = useState("");
  const [currency, setCurrency] = useState("");
  const ledger = useQuery({
    queryKey: ["accounts", client, false],
    queryFn: () => ledgerApi.accounts(client),
    enabled: opened,
  });
  const institutions = useQuery({
    queryKey: ["institutions", client],
    queryFn: () => bankingApi.institutions(client),
    enabled: opened,
  });
  const create = useMutation({
    mutationFn: () =>
      bankingApi.createBankAccount(client, {
        name: name.trim(),
        kind,
        ledgerAccountId: ledgerAccountId ?? "",
        mask: mask.trim() || null,
        currency: currency.trim().toUpperCase() || null,
        institutionName: institution.trim() || null,
      }),
    onSuccess: async () => {
      await onDone();
      close();
    },
  });
  const close = () => {
    setName("");
    setLedgerAccountId(null);
    setInstitution("");
    setMask("");
    setCurrency("");
    create.reset();
    onClose();
  };
  const used = new Set(accounts.map((a) => a.ledgerAccount.id));
  const choices = (ledger.data ?? [])
    .filter((a) => a.detailType === (kind === "bank" ? "bank" : "credit_card") && !used.has(a.id))
    .map((a) => ({ value: a.id, label: accountLabel(a.number, a.fullName) }));

  return (
    <Modal opened={opened} onClose={close} title="Add bank account" size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={create.error} />
          <SegmentedControl
            aria-label="Kind"
            value={kind}
            onChange={(v) => {
              setKind(v as BankAccountKind);
              setLedgerAccountId(null);
            }}
            data={[
              { value: "bank", label: "Bank account" },
              { value: "credit_card", label: "Credit card" },
            ]}
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            placeholder="Operating Checking"
            data-autofocus
          />
          <Autocomplete
            label="Bank"
            value={institution}
            onChange={setInstitution}
            data={(institutions.data ?? []).map((i) => i.name)}
            placeholder="e.g. Chase"
          />
          <Group grow>
            <TextInput
              label="Last 4 digits"
              value={mask}
              onChange={(e) => setMask(e.currentTarget.value)}
              placeholder="1234"
              maxLength={12}
            />
            <TextInput
              label="Currency"
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
              placeholder="the client's"
              maxLength={3}
            />
          </Group>
          <Select
            label="Ledger account"
            description={
              kind === "bank" ? "A bank account of the chart" : "A credit card account of the chart"
            }
            required
            searchable
            value={ledgerAccountId}
            onChange={setLedgerAccountId}
            data={choices}
            nothingFoundMessage="No free account of this type: add one to the chart first"
          />
          <Group justify="flex-end" mt="xs">
            <Button type="button" variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim() || !ledgerAccountId}>
              Add account
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
