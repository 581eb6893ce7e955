// The header's bell: the unread count, the latest notifications, mark one or all read.
import {
  ActionIcon,
  Anchor,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notificationsApi, type Notification } from "../api/notifications.ts";
import { useSession } from "../app/session.tsx";
import { Link, navigate } from "../router/router.tsx";
import { formatDateTime } from "../lib/dates.ts";

export function NotificationBell() {
  const session = useSession();
  const qc = useQueryClient();
  const enabled = session.mode === "user";
  const query = useQuery({
    queryKey: ["notifications"],
    queryFn: () => notificationsApi.list(15),
    enabled,
    refetchInterval: 60_000,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ["notifications"] });
  const read = useMutation({
    mutationFn: (n: Notification) => notificationsApi.read(n.id),
    onSuccess: refresh,
  });
  const readAll = useMutation({ mutationFn: notificationsApi.readAll, onSuccess: refresh });
  const unread = query.data?.unread ?? 0;
  const list = query.data?.notifications ?? [];

  const open = (n: Notification) => {
    if (!n.readAt) read.mutate(n);
    if (n.link) navigate(n.link);
  };

  return (
    <Popover position="bottom-end" width={360} shadow="md" withArrow>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? "99+" : unread}
          size={16}
          disabled={unread === 0}
          offset={4}
          color="red"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unread ? `Notifications (${unread} unread)` : "Notifications"}
          >
            <IconBell size={20} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group
          justify="space-between"
          px="sm"
          py={8}
          style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
        >
          <Text fw={600} size="sm">
            Notifications
          </Text>
          {unread > 0 && (
            <Anchor component="button" size="xs" onClick={() => readAll.mutate()}>
              Mark all read
            </Anchor>
          )}
        </Group>
        <ScrollArea.Autosize mah={380}>
          {list.length === 0 ? (
            <Text c="dimmed" size="sm" p="md" ta="center">
              {enabled ? "You are all caught up." : "Notifications arrive with sign-in."}
            </Text>
          ) : (
            <Stack gap={0} role="list">
              {list.map((n) => (
                <UnstyledButton
                  key={n.id}
                  role="listitem"
                  onClick={() => open(n)}
                  px="sm"
                  py={8}
                  style={{
                    borderBottom: "1px solid var(--mantine-color-gray-2)",
                    background: n.readAt ? undefined : "var(--mantine-color-blue-0)",
                  }}
                >
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {n.title}
                  </Text>
                  {n.body && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {n.body}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" mt={2}>
                    {formatDateTime(n.createdAt)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Group justify="flex-end" px="sm" py={6}>
          <Anchor component={Link} href="/settings/notifications" size="xs">
            Notification settings
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
