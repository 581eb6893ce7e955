// The left navigation: each module's items for the current view (global or client), grouped
// under the module's name, with the current page highlighted and an item's count (badge) at its right.
import { NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import { Link, useLocation } from "../router/router.tsx";
import { useSession } from "../app/session.tsx";
import type { PortalModule, View } from "../modules/registry.ts";

export function Navigation({
  modules,
  view,
  client,
}: {
  modules: PortalModule[];
  view: View;
  client: string | null;
}) {
  const session = useSession();
  const { pathname } = useLocation();
  const sections = modules
    .map((m) => ({ module: m, items: (m.nav[view] ?? []).filter((i) => !i.visible || i.visible(session)) }))
    .filter((s) => s.items.length > 0);
  // The longest matching href is the current page, so "/help" is not lit on "/help/whats-new".
  const hrefs = sections.flatMap((s) => s.items.map((i) => i.href(client)));
  const active = hrefs
    .filter((h) => pathname === h || pathname.startsWith(`${h}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <ScrollArea component="nav" aria-label="Main" h="100%">
      <Stack gap="md" p="xs">
        {sections.map(({ module, items }) => (
          <div key={module.id}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" lts={0.4} px="sm" mb={4}>
              {module.label}
            </Text>
            {items.map((item) => {
              const href = item.href(client);
              const Icon = item.icon;
              const Badge = item.badge;
              return (
                <NavLink
                  key={item.label}
                  component={Link}
                  href={href}
                  label={item.label}
                  leftSection={<Icon size={17} stroke={1.6} />}
                  rightSection={Badge ? <Badge /> : undefined}
                  active={href === active}
                  aria-current={href === active ? "page" : undefined}
                  variant="light"
                  style={{ borderRadius: 6 }}
                  py={6}
                />
              );
            })}
          </div>
        ))}
      </Stack>
    </ScrollArea>
  );
}
