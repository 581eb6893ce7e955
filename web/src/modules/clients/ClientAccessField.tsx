// Chooses a role and the clients it covers: partner roles get all/current/chosen clients,
// client roles exactly one client.
import { MultiSelect, Radio, Select, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { clientsApi } from "../../api/clients.ts";
import { usersApi, type ClientAccess } from "../../api/users.ts";
import { ROLE_LABELS } from "../../app/roles.ts";

export function RoleAndAccess({
  role,
  access,
  onChange,
}: {
  role: string | null;
  access: ClientAccess;
  onChange: (role: string | null, access: ClientAccess) => void;
}) {
  const roles = useQuery({ queryKey: ["roles"], queryFn: usersApi.roles });
  const clients = useQuery({ queryKey: ["clients"], queryFn: clientsApi.list });
  const info = roles.data?.find((r) => r.role === role);
  const clientSide = info ? info.side === "client" : (role ?? "").startsWith("client_");
  const clientOptions = (clients.data ?? [])
    .filter((c) => c.status !== "terminated")
    .map((c) => ({ value: c.id, label: c.name }));

  return (
    <Stack gap="sm">
      <Select
        label="Role"
        required
        data={(roles.data ?? [])
          .filter((r) => r.grantable)
          .map((r) => ({ value: r.role, label: r.label || ROLE_LABELS[r.role] || r.role }))}
        value={role}
        onChange={(r) =>
          onChange(
            r,
            r?.startsWith("client_")
              ? { mode: "list", clientIds: access.clientIds.slice(0, 1) }
              : access.mode === "list" && access.clientIds.length <= 1
                ? { mode: "all", clientIds: [] }
                : access,
          )
        }
      />
      {role && clientSide && (
        <Select
          label="Client"
          required
          searchable
          data={clientOptions}
          value={access.clientIds[0] ?? null}
          onChange={(id) => onChange(role, { mode: "list", clientIds: id ? [id] : [] })}
        />
      )}
      {role && !clientSide && (
        <Radio.Group
          label="Client access"
          value={access.mode}
          onChange={(mode) =>
            onChange(role, {
              mode: mode as ClientAccess["mode"],
              clientIds: mode === "list" ? access.clientIds : [],
            })
          }
        >
          <Stack gap={6} mt={4}>
            <Radio value="all" label="All clients, now and in the future" />
            <Radio value="current" label="All current clients" />
            <Radio value="list" label="Chosen clients" />
          </Stack>
        </Radio.Group>
      )}
      {role && !clientSide && access.mode === "list" && (
        <MultiSelect
          label="Clients"
          searchable
          data={clientOptions}
          value={access.clientIds}
          onChange={(ids) => onChange(role, { mode: "list", clientIds: ids })}
        />
      )}
    </Stack>
  );
}
