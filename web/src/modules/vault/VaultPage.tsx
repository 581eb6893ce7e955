// The Password Manager of one client: its logins as cards (never a password until revealed with
// a fresh second factor), a search and a tag filter, add / change / delete, the firm's "request
// credentials from the client" and switch for the client's own access, and — for client users —
// the firm's open requests with the form that answers them. What a person may not do is hidden
// (the server refuses it anyway).
import { useState } from "react";
import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconKey, IconPlus, IconSearch } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { vaultApi, type VaultEntry } from "../../api/vault.ts";
import { ApiError } from "../../api/problem.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { isClientSide, useCan, useSession } from "../../app/session.tsx";
import { EntryCard } from "./EntryCard.tsx";
import { EntryForm } from "./EntryForm.tsx";
import { RequestBanner } from "./RequestBanner.tsx";
import { RequestModal } from "./RequestModal.tsx";

function ClientAccessSwitch({ client }: { client: string }) {
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: ["vault-settings", client],
    queryFn: () => vaultApi.settings(client),
  });
  const change = useMutation({
    mutationFn: (on: boolean) => vaultApi.setClientAccess(client, on),
    onSuccess: (s) => qc.setQueryData(["vault-settings", client], s),
  });
  if (!settings.data) return null;
  return (
    <Stack gap={4}>
      <Switch
        label="The client's own users may see and use these logins"
        checked={settings.data.clientAccess}
        disabled={change.isPending}
        onChange={(e) => change.mutate(e.currentTarget.checked)}
      />
      <ProblemAlert error={change.error} />
    </Stack>
  );
}

export function VaultPage({ client }: { client: string }) {
  const session = useSession();
  const can = useCan();
  const qc = useQueryClient();
  const clientSide = isClientSide(session);
  const [q, setQ] = useState("");
  const [search] = useDebouncedValue(q.trim(), 250);
  const [tag, setTag] = useState<string | null>(null);
  const [editing, setEditing] = useState<VaultEntry | "new" | null>(null);
  const [deleting, setDeleting] = useState<VaultEntry | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const all = useQuery({ queryKey: ["vault", client, "all"], queryFn: () => vaultApi.list(client) });
  const list = useQuery({
    queryKey: ["vault", client, search, tag],
    queryFn: () => vaultApi.list(client, { q: search || undefined, tag: tag ?? undefined }),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ["vault", client] });
  const remove = useMutation({
    mutationFn: (e: VaultEntry) => vaultApi.remove(client, e.id),
    onSuccess: () => {
      setDeleting(null);
      refresh();
    },
  });
  const accessOff = list.error instanceof ApiError && list.error.code === "vault/client-access-off";
  const canEdit = can("vault.edit") && !accessOff;
  const tags = [...new Set((all.data ?? []).flatMap((e) => e.tags))].sort();
  return (
    <>
      <PageHeader
        title="Password Manager"
        help="password-manager"
        subtitle="Logins to the client's banks, payroll and other services, encrypted. Showing a password asks for your two-step code."
        actions={
          <>
            {!clientSide && can("vault.request") && (
              <Button variant="light" leftSection={<IconKey size={16} />} onClick={() => setRequesting(true)}>
                Request credentials from client
              </Button>
            )}
            {canEdit && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
                Add login
              </Button>
            )}
          </>
        }
      />
      {!clientSide && can("vault.settings") && (
        <Group mb="sm">
          <ClientAccessSwitch client={client} />
        </Group>
      )}
      {sent && (
        <Text size="sm" c="teal" mb="sm" role="status">
          Request sent: the client has a task to share the login for {sent}.
        </Text>
      )}
      <RequestBanner client={client} clientSide={clientSide} />
      {accessOff ? (
        <Text c="dimmed">
          Your firm keeps this business&apos;s logins and has not shared them here. You can still answer their
          requests above; ask them if you need a login.
        </Text>
      ) : (
        <Stack gap="md">
          <Group>
            <TextInput
              leftSection={<IconSearch size={16} />}
              placeholder="Search site, address, nickname or tag"
              aria-label="Search logins"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={320}
            />
            <Select
              placeholder="All tags"
              aria-label="Tag"
              data={tags}
              value={tag}
              onChange={setTag}
              clearable
              w={180}
            />
          </Group>
          <QueryState
            query={list}
            isEmpty={(entries) => entries.length === 0}
            empty={search || tag ? "No login matches." : "No logins stored for this client yet."}
          >
            {(entries) => (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {entries.map((e) => (
                  <EntryCard
                    key={e.id}
                    client={client}
                    entry={e}
                    canReveal={can("vault.reveal")}
                    canEdit={canEdit}
                    onEdit={() => setEditing(e)}
                    onDelete={() => setDeleting(e)}
                  />
                ))}
              </SimpleGrid>
            )}
          </QueryState>
        </Stack>
      )}
      {editing && (
        <EntryForm
          client={client}
          entry={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
      {requesting && (
        <RequestModal
          client={client}
          onClose={() => setRequesting(false)}
          onSent={(r) => {
            setRequesting(false);
            setSent(r.site);
            void qc.invalidateQueries({ queryKey: ["vault-requests", client] });
          }}
        />
      )}
      {deleting && (
        <Modal opened onClose={() => setDeleting(null)} title={`Delete the login for ${deleting.site}?`}>
          <Stack gap="sm">
            <Text size="sm">It is deleted for good: the password is not kept anywhere afterwards.</Text>
            <ProblemAlert error={remove.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                Cancel
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting)}>
                Delete
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
