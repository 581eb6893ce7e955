// The firm asks the client for a login: which site (and its address), a note saying why, and a
// due date. It becomes a credential request task for the client's users; their answer goes
// straight into this vault.
import { useState } from "react";
import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { vaultApi, type CredentialRequest } from "../../api/vault.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { refusalOf, unplaced } from "./EntryForm.tsx";
import { AddressInput, SiteInput } from "./LoginInputs.tsx";

export function RequestModal({
  client,
  onClose,
  onSent,
}: {
  client: string;
  onClose: () => void;
  onSent: (r: CredentialRequest) => void;
}) {
  const [site, setSite] = useState("");
  const [url, setUrl] = useState("");
  const [note, setNote] = useState("");
  const [dueDate, setDueDate] = useState("");
  const send = useMutation({
    mutationFn: () =>
      vaultApi.request(client, {
        site: site.trim(),
        url: url.trim() || null,
        note: note.trim() || null,
        dueDate: dueDate || null,
      }),
    onSuccess: onSent,
  });
  const err = (field: string) => refusalOf(send.error, field);
  return (
    <Modal opened onClose={onClose} title="Request credentials from the client">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The client&apos;s users get a task. What they enter goes straight into this Password Manager: it
            is never shown in the task, a comment or an e-mail.
          </Text>
          <ProblemAlert error={unplaced(send.error, ["site", "url", "note", "dueDate"])} />
          <SiteInput value={site} onChange={setSite} error={err("site")} />
          <AddressInput value={url} onChange={setUrl} error={err("url")} />
          <Textarea
            label="Note to the client"
            placeholder="Read-only access is enough"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={err("note")}
          />
          <TextInput
            label="Due date"
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={err("dueDate")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={send.isPending}>
              Send request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
