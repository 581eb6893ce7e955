// The users table: everyone of the firm (or of the client, for a Client Admin) with role,
// status, 2FA and last sign-in; invite, edit, change role, deactivate, reset 2FA — each action
// only for those allowed.
import { useState } from "react";
import { ActionIcon, Button, Menu, Paper, SegmentedControl, Table, Text } from "@mantine/core";
import { IconDots, IconUserPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usersApi, type User } from "../../api/users.ts";
import { clientsApi } from "../../api/clients.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { useCan, useSession } from "../../app/session.tsx";
import { ROLE_LABELS } from "../../app/roles.ts";
import { useLocation, navigate } from "../../router/router.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { InviteUserModal } from "./InviteUserModal.tsx";
import { EditUserModal } from "./EditUserModal.tsx";

export function UsersPage() {
  const can = useCan();
  const { me } = useSession();
  const qc = useQueryClient();
  const { search } = useLocation();
  const [status, setStatus] = useState("all");
  const [editing, setEditing] = useState<User | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const inviting = search.get("invite") === "1";
  const query = useQuery({
    queryKey: ["users", status],
    queryFn: () => usersApi.list(status === "all" ? {} : { status }),
  });
  const clients = useQuery({ queryKey: ["clients"], queryFn: clientsApi.list });
  const clientName = new Map((clients.data ?? []).map((c) => [c.id, c.name]));
  const act = useMutation({
    mutationFn: async ({
      user,
      action,
    }: {
      user: User;
      action: "deactivate" | "reactivate" | "reset-2fa" | "resend";
    }) => {
      if (action === "deactivate") await usersApi.deactivate(user.id);
      if (action === "reactivate") await usersApi.reactivate(user.id);
      if (action === "reset-2fa") await usersApi.reset2fa(user.id);
      if (action === "resend") await usersApi.resendInvitation(user.id);
      return { user, action };
    },
    onSuccess: ({ user, action }) => {
      void qc.invalidateQueries({ queryKey: ["users"] });
      const who = user.name || user.email;
      setDone(
        action === "reset-2fa"
          ? `Two-factor authentication of ${who} was reset: they enrol again at their next sign-in.`
          : action === "resend"
            ? `A new invitation was sent to ${user.email}.`
            : `${who} is ${action === "deactivate" ? "deactivated" : "active again"}.`,
      );
    },
  });

  const access = (u: User) =>
    u.clientAccess.mode === "all"
      ? "All clients"
      : u.clientAccess.mode === "current"
        ? "Current clients"
        : u.clientAccess.clientIds.map((id) => clientName.get(id) ?? "…").join(", ") || "—";

  return (
    <>
      <PageHeader
        title="Users"
        help="clients-and-users"
        subtitle={
          query.data?.licences
            ? `Licences: ${query.data.licences.used} used${query.data.licences.paid !== null ? ` of ${query.data.licences.paid} paid` : ""}`
            : undefined
        }
        actions={
          can("user.invite") && (
            <Button
              type="button"
              leftSection={<IconUserPlus size={16} />}
              onClick={() => navigate("/users?invite=1")}
            >
              Invite user
            </Button>
          )
        }
      />
      <ProblemAlert error={act.error} onClose={() => act.reset()} />
      {done && (
        <Text role="status" size="sm" c="teal.8" mb="sm">
          {done}
        </Text>
      )}
      <SegmentedControl
        size="xs"
        mb="sm"
        value={status}
        onChange={setStatus}
        aria-label="Status"
        data={[
          { value: "all", label: "All" },
          { value: "active", label: "Active" },
          { value: "invited", label: "Invited" },
          { value: "deactivated", label: "Deactivated" },
        ]}
      />
      <QueryState query={query} isEmpty={(d) => d.users.length === 0} empty="No users.">
        {(data) => (
          <Paper withBorder radius="md">
            <Table highlightOnHover verticalSpacing={6} fz="sm" aria-label="Users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Clients</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>2FA</Table.Th>
                  <Table.Th>Last sign-in</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.users.map((u) => {
                  const self = u.id === me.user.id;
                  const items = [
                    can("user.edit") && { label: "Edit", run: () => setEditing(u) },
                    can("user.invite") &&
                      u.status === "invited" && {
                        label: "Resend invitation",
                        run: () => act.mutate({ user: u, action: "resend" }),
                      },
                    can("user.2fa.reset") &&
                      !self &&
                      u.twoFactor.enrolled && {
                        label: "Reset 2FA",
                        run: () =>
                          window.confirm(`Reset two-factor authentication of ${u.name || u.email}?`) &&
                          act.mutate({ user: u, action: "reset-2fa" }),
                      },
                    can("user.deactivate") &&
                      !self &&
                      u.status !== "deactivated" && {
                        label: "Deactivate",
                        color: "red",
                        run: () =>
                          window.confirm(`Deactivate ${u.name || u.email}? Their sessions end at once.`) &&
                          act.mutate({ user: u, action: "deactivate" }),
                      },
                    can("user.deactivate") &&
                      u.status === "deactivated" && {
                        label: "Reactivate",
                        run: () => act.mutate({ user: u, action: "reactivate" }),
                      },
                  ].filter(Boolean) as Array<{ label: string; color?: string; run: () => void }>;
                  return (
                    <Table.Tr key={u.id}>
                      <Table.Td fw={500}>{u.name || "—"}</Table.Td>
                      <Table.Td>{u.email}</Table.Td>
                      <Table.Td>{ROLE_LABELS[u.role] ?? u.role}</Table.Td>
                      <Table.Td>{access(u)}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={u.status} />
                      </Table.Td>
                      <Table.Td>
                        {u.twoFactor.enrolled
                          ? u.twoFactor.method === "totp"
                            ? "App"
                            : u.twoFactor.method === "email"
                              ? "E-mail"
                              : u.twoFactor.method === "sms"
                                ? "SMS"
                                : "Yes"
                          : "Not set"}
                      </Table.Td>
                      <Table.Td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : "—"}</Table.Td>
                      <Table.Td>
                        {items.length > 0 && (
                          <Menu position="bottom-end" shadow="md">
                            <Menu.Target>
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                aria-label={`Actions for ${u.name || u.email}`}
                              >
                                <IconDots size={16} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {items.map((i) => (
                                <Menu.Item key={i.label} color={i.color} onClick={i.run}>
                                  {i.label}
                                </Menu.Item>
                              ))}
                            </Menu.Dropdown>
                          </Menu>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryState>
      <InviteUserModal opened={inviting} onClose={() => navigate("/users", { replace: true })} />
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
