// The "Reverse entry" dialog: a reversal date (the original's by default) and description.
import { useState } from "react";
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { ledgerApi, type Entry } from "../../api/ledger.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";

export function ReverseEntryModal({
  client,
  entry,
  opened,
  onClose,
  onReversed,
}: {
  client: string;
  entry: Entry;
  opened: boolean;
  onClose: () => void;
  onReversed: (reversal: Entry) => void;
}) {
  const [date, setDate] = useState(entry.date);
  const [description, setDescription] = useState(`Reversal of entry ${entry.number}: ${entry.description}`);
  const reverse = useMutation({
    mutationFn: () => ledgerApi.reverse(client, entry.id, { date, description }),
    onSuccess: (r) => {
      onClose();
      onReversed(r);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Reverse entry ${entry.number}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reverse.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            A new posted entry swaps every debit and credit of this one. The original stays as it is, marked
            reversed.
          </Text>
          <ProblemAlert error={reverse.error} />
          <TextInput
            type="date"
            label="Reversal date"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <TextInput
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Group justify="flex-end" mt="xs">
            <Button type="button" variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="orange" loading={reverse.isPending}>
              Reverse entry
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
