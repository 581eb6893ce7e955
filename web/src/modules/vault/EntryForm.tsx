// Add or change a login: site, address, username, password, nickname, tags and notes. When
// changing, an empty password or notes box keeps what is stored (the form never holds them
// unless typed anew). Each refusal from the server shows under its own field.
import { useState } from "react";
import { Button, Group, Modal, Stack, TextInput, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { vaultApi, type VaultEntry, type VaultEntryInput } from "../../api/vault.ts";
import { ApiError, fieldMessage } from "../../api/problem.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { AddressInput, SecretInput, SiteInput, UsernameInput } from "./LoginInputs.tsx";

const FIELDS = ["site", "url", "username", "password", "nickname", "notes", "tags"];

/** Tags as typed ("bank, payroll") → the list the API takes. */
export const tagsOf = (text: string) =>
  text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

/** The server's sentence for `field` or one of its items ("tags.2"), for showing under that input. */
export function refusalOf(error: unknown, field: string): string | undefined {
  const direct = fieldMessage(error, field);
  if (direct || !(error instanceof ApiError)) return direct;
  const named = [error.problem.field, ...(error.problem.errors ?? []).map((e) => e.field)];
  const item = named.find((f) => f?.replace(/^body\./, "").startsWith(`${field}.`));
  return item ? fieldMessage(error, item.replace(/^body\./, "")) : undefined;
}

/** The refusal when it names no field of the form (shown above it rather than under a field). */
export function unplaced(error: unknown, fields: string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  return fields.some((f) => refusalOf(error, f)) ? null : error;
}

export function EntryForm({
  client,
  entry,
  onClose,
  onSaved,
}: {
  client: string;
  entry?: VaultEntry;
  onClose: () => void;
  onSaved: (e: VaultEntry) => void;
}) {
  const [site, setSite] = useState(entry?.site ?? "");
  const [url, setUrl] = useState(entry?.url ?? "");
  const [username, setUsername] = useState(entry?.username ?? "");
  const [password, setPassword] = useState("");
  const [nickname, setNickname] = useState(entry?.nickname ?? "");
  const [notes, setNotes] = useState("");
  const [tags, setTags] = useState(entry?.tags.join(", ") ?? "");
  const save = useMutation({
    mutationFn: () => {
      const input: VaultEntryInput = {
        site: site.trim(),
        url: url.trim() || null,
        username,
        nickname: nickname.trim(),
        tags: tagsOf(tags),
      };
      if (!entry) return vaultApi.create(client, { ...input, password, notes });
      return vaultApi.update(client, entry.id, {
        ...input,
        ...(password ? { password } : {}),
        ...(notes ? { notes } : {}),
      });
    },
    onSuccess: onSaved,
  });
  const err = (field: string) => refusalOf(save.error, field);
  return (
    <Modal opened onClose={onClose} title={entry ? `Change the login for ${entry.site}` : "Add a login"}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={unplaced(save.error, FIELDS)} />
          <SiteInput value={site} onChange={setSite} error={err("site")} />
          <AddressInput value={url} onChange={setUrl} error={err("url")} />
          <UsernameInput value={username} onChange={setUsername} error={err("username")} />
          <SecretInput
            value={password}
            onChange={setPassword}
            error={err("password")}
            description={entry ? "Leave empty to keep the stored password." : undefined}
          />
          <TextInput
            label="Nickname"
            value={nickname}
            onChange={(e) => setNickname(e.currentTarget.value)}
            error={err("nickname")}
          />
          <TextInput
            label="Tags"
            description="Separated by commas, for example: bank, payroll"
            value={tags}
            onChange={(e) => setTags(e.currentTarget.value)}
            error={err("tags")}
          />
          <Textarea
            label="Notes"
            description={
              entry
                ? "Kept secret like the password. Leave empty to keep the stored notes."
                : "Kept secret like the password."
            }
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
            <Button type="submit" loading={save.isPending}>
              {entry ? "Save" : "Add login"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
