// The "New account" dialog: name, number, type and an optional parent of the same type.
import { useState } from "react";
import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ACCOUNT_TYPES, ledgerApi, type Account, type AccountType } from "../../api/ledger.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { accountLabel } from "../../lib/accounts.ts";

export function NewAccountModal({
  client,
  opened,
  onClose,
  accounts,
}: {
  client: string;
  opened: boolean;
  onClose: () => void;
  accounts: Account[];
}) {
  const [name, setName] = useState("");
  const [number, setNumber] = useState("");
  const [type, setType] = useState<AccountType>("expense");
  const [parentId, setParentId] = useState<string | null>(null);
  const [description, setDescription] = useState("");
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      ledgerApi.createAccount(client, {
        name: name.trim(),
        number: number.trim() || null,
        type,
        parentId,
        description: description.trim() || null,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["accounts", client] });
      close();
    },
  });
  const close = () => {
    setName("");
    setNumber("");
    setParentId(null);
    setDescription("");
    create.reset();
    onClose();
  };
  const parents = accounts
    .filter((a) => a.type === type && a.isActive)
    .map((a) => ({ value: a.id, label: accountLabel(a.number, a.fullName) }));

  return (
    <Modal opened={opened} onClose={close} title="New account" size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={create.error} />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <Group grow>
            <TextInput
              label="Number"
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              placeholder="optional"
            />
            <Select
              label="Type"
              required
              allowDeselect={false}
              value={type}
              onChange={(v) => {
                setType((v ?? "expense") as AccountType);
                setParentId(null);
              }}
              data={ACCOUNT_TYPES.map((t) => ({ value: t, label: t.charAt(0).toUpperCase() + t.slice(1) }))}
            />
          </Group>
          <Select
            label="Parent account"
            placeholder="None (top level)"
            searchable
            clearable
            value={parentId}
            onChange={setParentId}
            data={parents}
          />
          <Textarea
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end" mt="xs">
            <Button type="button" variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create account
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
