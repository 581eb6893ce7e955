// The signed-in frame: header (brand, client selector, quick actions, bell, profile), the left
// navigation of the current view, and the page. A client's name in the header marks the client view.
import type { ReactNode } from "react";
import { AppShell, Badge, Burger, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { clientsApi } from "../api/clients.ts";
import type { PortalModule } from "../modules/registry.ts";
import { BrandMark } from "./BrandMark.tsx";
import { ClientSelector } from "./ClientSelector.tsx";
import { Navigation } from "./Navigation.tsx";
import { NotificationBell } from "./NotificationBell.tsx";
import { ProfileMenu } from "./ProfileMenu.tsx";
import { QuickActions } from "./QuickActions.tsx";
import { useSession } from "../app/session.tsx";

export function Layout({
  modules,
  client,
  children,
}: {
  modules: PortalModule[];
  client: string | null;
  children: ReactNode;
}) {
  const [opened, { toggle }] = useDisclosure();
  const session = useSession();
  const clients = useQuery({ queryKey: ["clients"], queryFn: clientsApi.list });
  const current = clients.data?.find((c) => c.slug === client);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 236, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <BrandMark />
            <ClientSelector current={client} />
            {client ? (
              <Badge variant="light" color="blue" radius="sm" tt="none" aria-label="View">
                Client view{current ? `: ${current.name}` : ""}
              </Badge>
            ) : (
              <Badge variant="light" color="gray" radius="sm" tt="none" aria-label="View">
                Global view
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <QuickActions modules={modules} />
            <NotificationBell />
            <ProfileMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <Navigation modules={modules} view={client ? "client" : "global"} client={client} />
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">{children}</AppShell.Main>
      {session.mode === "open" && null}
    </AppShell>
  );
}
