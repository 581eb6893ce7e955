// "Connect": links a bank now through a provider — for now the file-drop folder, whose files are
// imported by themselves — and chooses which of the bank's accounts the connection feeds.
import { useState } from "react";
import { Button, Checkbox, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { bankingApi, type BankAccount } from "../../api/banking.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

export function ConnectModal({
  client,
  institution,
  accounts,
  onClose,
  onDone,
}: {
  client: string;
  institution: string | null;
  accounts: BankAccount[];
  onClose: () => void;
  onDone: () => unknown;
}) {
  // The parent keys this dialog by institution, so the choice starts afresh with all its accounts.
  const [chosen, setChosen] = useState<string[]>(() => accounts.map((a) => a.id));
  const connect = useMutation({
    mutationFn: () =>
      bankingApi.addConnection(client, {
        institutionName: institution ?? "",
        provider: "file-drop",
        bankAccountIds: chosen,
      }),
    onSuccess: async () => {
      await onDone();
      close();
    },
  });
  const close = () => {
    connect.reset();
    onClose();
  };
  return (
    <Modal opened={institution !== null} onClose={close} title={`Connect ${institution ?? ""}`} size="md">
      <Stack gap="sm">
        <Text size="sm">
          Closebook makes a drop folder for this bank. Statement files put there (by hand, a scanner or the
          bank's export job) are imported within a minute, moved to <em>imported</em>, or to
          <em> failed</em> with the reason next to them.
        </Text>
        <ProblemAlert error={connect.error} />
        {accounts.length > 0 ? (
          <Checkbox.Group label="Accounts this connection feeds" value={chosen} onChange={setChosen}>
            <Stack gap={4} mt={4}>
              {accounts.map((a) => (
                <Checkbox key={a.id} value={a.id} label={`${a.name}${a.mask ? ` ••${a.mask}` : ""}`} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <Text size="sm" c="dimmed">
            The bank has no accounts yet; add one first, so that its files have somewhere to go.
          </Text>
        )}
        <Group justify="flex-end" mt="xs">
          <Button type="button" variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="button" loading={connect.isPending} onClick={() => connect.mutate()}>
            Connect with a drop folder
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
