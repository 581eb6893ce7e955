// Edits a user: name and phone, and (for those allowed) role and client access.
import { useState } from "react";
import { Button, Divider, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { usersApi, type ClientAccess, type User } from "../../api/users.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { RoleAndAccess } from "./ClientAccessField.tsx";
import { useCan } from "../../app/session.tsx";

export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [name, setName] = useState(user.name);
  const [phone, setPhone] = useState(user.phone ?? "");
  const [role, setRole] = useState<string | null>(user.role);
  const [access, setAccess] = useState<ClientAccess>(user.clientAccess);
  const qc = useQueryClient();
  const mayChangeRole = useCan()("user.role.change");
  const save = useMutation({
    mutationFn: async () => {
      if (name !== user.name || phone !== (user.phone ?? ""))
        await usersApi.update(user.id, { name: name.trim(), phone: phone.trim() || null });
      if (
        mayChangeRole &&
        role &&
        (role !== user.role || JSON.stringify(access) !== JSON.stringify(user.clientAccess))
      )
        await usersApi.setRole(user.id, role, access);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["users"] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Edit ${user.name || user.email}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <ProblemAlert error={save.error} />
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput
            label="Phone"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            placeholder="+15551234567"
          />
          {mayChangeRole && (
            <>
              <Divider label="Role and access" labelPosition="left" />
              <RoleAndAccess
                role={role}
                access={access}
                onChange={(r, a) => {
                  setRole(r);
                  setAccess(a);
                }}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button type="button" variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
