// The "Invite user" dialog: e-mail, name, role and client access. The invitation link is
// e-mailed and stays valid for 7 days.
import { useState } from "react";
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { usersApi, type ClientAccess } from "../../api/users.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { RoleAndAccess } from "./ClientAccessField.tsx";

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<string | null>(null);
  const [access, setAccess] = useState<ClientAccess>({ mode: "all", clientIds: [] });
  const qc = useQueryClient();
  const close = () => {
    setEmail("");
    setName("");
    setRole(null);
    setAccess({ mode: "all", clientIds: [] });
    invite.reset();
    onClose();
  };
  const invite = useMutation({
    mutationFn: () =>
      usersApi.invite({
        email: email.trim(),
        name: name.trim() || undefined,
        role: role!,
        clientAccess: access,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["users"] });
      close();
    },
  });
  const ready = email.includes("@") && role && (access.mode !== "list" || access.clientIds.length > 0);
  return (
    <Modal opened={opened} onClose={close} title="Invite user">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={invite.error} />
          <TextInput
            label="E-mail"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-autofocus
          />
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            placeholder="optional: they can set it"
          />
          <RoleAndAccess
            role={role}
            access={access}
            onChange={(r, a) => {
              setRole(r);
              setAccess(a);
            }}
          />
          <Text size="xs" c="dimmed">
            They receive an e-mail with a link valid for 7 days to set a password and two-factor
            authentication.
          </Text>
          <Group justify="flex-end">
            <Button type="button" variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={!ready} loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
