// The firm asks the client for a login: which site (and its address), a note saying why, a due
// date, and whom to ask (one of the client's users, or all of them). It becomes a credential
// request task, the recipients are notified, and their answer goes straight into this vault.
import { useState } from "react";
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { vaultApi, type CredentialRequest } from "../../api/vault.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { refusalOf, unplaced } from "./EntryForm.tsx";
import { AddressInput, SiteInput } from "./LoginInputs.tsx";

const EVERYONE = "client";

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
  const [to, setTo] = useState<string>(EVERYONE);
  const people = useQuery({
    queryKey: ["vault-recipients", client],
    queryFn: () => vaultApi.recipients(client),
  });
  const send = useMutation({
    mutationFn: () =>
      vaultApi.request(client, {
        site: site.trim(),
        url: url.trim() || null,
        note: note.trim() || null,
        dueDate: dueDate || null,
        assignee: to === EVERYONE ? { kind: "client" } : { kind: "user", userId: to },
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
            The person you ask gets a task and a notification. What they enter goes straight into this
            Password Manager: it is never shown in the task, a comment or an e-mail.
          </Text>
          <ProblemAlert
            error={unplaced(send.error, ["site", "url", "note", "dueDate", "assignee", "assignee.userId"])}
          />
          <Select
            label="Ask"
            data={[
              { value: EVERYONE, label: "Everyone at the client" },
              ...(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.email})` })),
            ]}
            value={to}
            onChange={(v) => setTo(v ?? EVERYONE)}
            allowDeselect={false}
            searchable
            error={err("assignee.userId") ?? err("assignee")}
            description={
              people.data && people.data.length === 0
                ? "The client has no users yet: the request waits for the first one."
                : undefined
            }
          />
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
