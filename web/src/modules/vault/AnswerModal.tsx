// A client user answers a credential request: the username and password (and optionally the
// address, a nickname and notes) go straight into the firm's Password Manager, and the request
// is done. Nothing typed here is shown back afterwards.
import { useState } from "react";
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { vaultApi, type CredentialRequest } from "../../api/vault.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { refusalOf, unplaced } from "./EntryForm.tsx";
import { AddressInput, SecretInput, UsernameInput } from "./LoginInputs.tsx";

export function AnswerModal({
  client,
  request,
  onClose,
  onAnswered,
}: {
  client: string;
  request: CredentialRequest;
  onClose: () => void;
  onAnswered: () => void;
}) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [url, setUrl] = useState(request.url ?? "");
  const [notes, setNotes] = useState("");
  const answer = useMutation({
    mutationFn: () =>
      vaultApi.answer(client, request.taskId, {
        username,
        password,
        url: url.trim() || null,
        ...(notes.trim() ? { notes } : {}),
      }),
    onSuccess: onAnswered,
  });
  const err = (field: string) => refusalOf(answer.error, field);
  return (
    <Modal opened onClose={onClose} title={`Share the login for ${request.site}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          answer.mutate();
        }}
      >
        <Stack gap="sm">
          {request.note && (
            <Text size="sm">
              {request.requestedBy}: {request.note}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            What you enter is encrypted and stored in your firm&apos;s Password Manager. It is not shown again
            here, and it is not put in the task, a comment or an e-mail.
          </Text>
          <ProblemAlert error={unplaced(answer.error, ["username", "password", "url", "notes"])} />
          <UsernameInput value={username} onChange={setUsername} error={err("username")} required />
          <SecretInput value={password} onChange={setPassword} error={err("password")} required />
          <AddressInput value={url} onChange={setUrl} error={err("url")} />
          <Textarea
            label="Notes for your firm"
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={err("notes")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={answer.isPending} disabled={!username || !password}>
              Save securely
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
