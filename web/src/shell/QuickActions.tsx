// The header's "+" menu: common actions from anywhere (add client, invite user; modules add more).
import { Button, Menu } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { navigate } from "../router/router.tsx";
import { useSession } from "../app/session.tsx";
import type { PortalModule } from "../modules/registry.ts";

export function QuickActions({ modules }: { modules: PortalModule[] }) {
  const session = useSession();
  const actions = modules
    .flatMap((m) => m.quickActions ?? [])
    .filter((a) => !a.visible || a.visible(session));
  if (actions.length === 0) return null;
  return (
    <Menu position="bottom-end" shadow="md" width={200}>
      <Menu.Target>
        <Button variant="light" size="sm" leftSection={<IconPlus size={16} />} aria-label="Quick actions">
          New
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((a) => {
          const Icon = a.icon;
          return (
            <Menu.Item key={a.label} leftSection={<Icon size={16} />} onClick={() => navigate(a.href)}>
              {a.label}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
