// Confirms terminating a client: its data is kept 90 days, then purged; cancellable meanwhile.
import { useState } from "react";
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clientsApi, type Client } from "../../api/clients.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

export function TerminateClientModal({
  client,
  opened,
  onClose,
}: {
  client: Client;
  opened: boolean;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState("");
  const qc = useQueryClient();
  const terminate = useMutation({
    mutationFn: () => clientsApi.terminate(client.slug),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ["client", client.slug] });
      await qc.invalidateQueries({ queryKey: ["clients"] });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Terminate ${client.name}?`}>
      <Stack gap="sm">
        <Text size="sm">
          The client's users lose access at once. Its data is kept for <strong>90 days</strong> and then
          purged for good. You can cancel the termination until then.
        </Text>
        <ProblemAlert error={terminate.error} />
        <TextInput
          label={`Type ${client.name} to confirm`}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onClose}>
            Keep client
          </Button>
          <Button
            type="button"
            color="red"
            disabled={typed.trim() !== client.name}
            loading={terminate.isPending}
            onClick={() => terminate.mutate()}
          >
            Terminate client
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
