// The header's profile menu: who is signed in, profile, notification settings, sign out.
import { Avatar, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconBell, IconLogout, IconUser } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { authApi } from "../api/identity.ts";
import { setCsrfToken } from "../api/client.ts";
import { useSession } from "../app/session.tsx";
import { ROLE_LABELS } from "../app/roles.ts";
import { navigate } from "../router/router.tsx";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("") || "?";

export function ProfileMenu() {
  const { me, mode } = useSession();
  const qc = useQueryClient();
  const signOut = async () => {
    await authApi.signOut().catch(() => undefined);
    setCsrfToken(null);
    qc.clear();
    navigate("/sign-in");
    window.location.reload();
  };
  return (
    <Menu position="bottom-end" shadow="md" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={`Profile menu of ${me.user.name}`}>
          <Avatar color="blue" radius="xl" size={34}>
            {initials(me.user.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed">
            {me.user.email || (ROLE_LABELS[me.user.role] ?? me.user.role)}
          </Text>
        </Menu.Label>
        <Menu.Item leftSection={<IconUser size={16} />} onClick={() => navigate("/settings/profile")}>
          Profile and security
        </Menu.Item>
        <Menu.Item leftSection={<IconBell size={16} />} onClick={() => navigate("/settings/notifications")}>
          Notification settings
        </Menu.Item>
        {mode === "user" && (
          <>
            <Menu.Divider />
            <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
              Sign out
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
