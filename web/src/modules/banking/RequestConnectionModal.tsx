// "Request connection": asks the client to connect a bank. The person asked gets a task and a
// notification; the connection shows as requested until they set it up.
import { useState } from "react";
import { Autocomplete, Button, Group, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { bankingApi } from "../../api/banking.ts";
import { clientsApi } from "../../api/clients.ts";
import { usersApi } from "../../api/users.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

const ANYONE = "";

export function RequestConnectionModal({
  client,
  opened,
  onClose,
  onDone,
}: {
  client: string;
  opened: boolean;
  onClose: () => void;
  onDone: () => unknown;
}) {
  const [institution, setInstitution] = useState("");
  const [assignee, setAssignee] = useState<string>(ANYONE);
  const [message, setMessage] = useState("");
  const institutions = useQuery({
    queryKey: ["institutions", client],
    queryFn: () => bankingApi.institutions(client),
    enabled: opened,
  });
  const clientRow = useQuery({
    queryKey: ["client", client],
    queryFn: () => clientsApi.get(client),
    enabled: opened,
  });
  const people = useQuery({
    queryKey: ["users", "client", clientRow.data?.id],
    queryFn: () =>
      usersApi
        .list({ clientId: clientRow.data!.id, status: "active" })
        .then((r) => r.users.filter((u) => u.side === "client")),
    enabled: opened && Boolean(clientRow.data),
    retry: false,
  });
  const send = useMutation({
    mutationFn: () =>
      bankingApi.requestConnection(client, {
        institutionName: institution.trim(),
        assigneeId: assignee || null,
        message: message.trim() || null,
      }),
    onSuccess: async () => {
      await onDone();
      close();
    },
  });
  const close = () => {
    setInstitution("");
    setAssignee(ANYONE);
    setMessage("");
    send.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Request a connection" size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The client gets a task to connect this bank, and a notification. Until they do, the bank shows as
            requested.
          </Text>
          <ProblemAlert error={send.error} />
          <Autocomplete
            label="Bank"
            required
            value={institution}
            onChange={setInstitution}
            data={(institutions.data ?? []).map((i) => i.name)}
            placeholder="e.g. Chase"
            data-autofocus
          />
          <Select
            label="Ask"
            allowDeselect={false}
            value={assignee}
            onChange={(v) => setAssignee(v ?? ANYONE)}
            data={[
              { value: ANYONE, label: "Anyone at the client" },
              ...(people.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
            ]}
          />
          <Textarea
            label="Message"
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            placeholder="Optional: which accounts, by when"
          />
          <Group justify="flex-end" mt="xs">
            <Button type="button" variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={send.isPending} disabled={!institution.trim()}>
              Send request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
