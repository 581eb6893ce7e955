// Notification settings: for each kind of event, in the app or not, and by e-mail instantly,
// in a daily or weekly digest, or not at all.
import { useState } from "react";
import { Alert, Button, Group, Paper, Select, Switch, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { notificationsApi, type EventSetting, type EmailDelivery } from "../api/notifications.ts";
import { PageHeader } from "../components/PageHeader.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { useSession } from "../app/session.tsx";

const EMAIL: Array<{ value: EmailDelivery; label: string }> = [
  { value: "instant", label: "Right away" },
  { value: "daily", label: "Daily digest" },
  { value: "weekly", label: "Weekly digest" },
  { value: "off", label: "No e-mail" },
];

export function NotificationSettingsPage() {
  const { mode } = useSession();
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ["notification-settings"],
    queryFn: notificationsApi.settings,
    enabled: mode === "user",
  });
  const [edits, setEdits] = useState<Record<string, Partial<EventSetting>>>({});
  const save = useMutation({
    mutationFn: (events: EventSetting[]) =>
      notificationsApi.saveSettings(events.map((e) => ({ event: e.event, inApp: e.inApp, email: e.email }))),
    onSuccess: (events) => {
      qc.setQueryData(["notification-settings"], events);
      setEdits({});
    },
  });
  if (mode === "open") {
    return (
      <>
        <PageHeader title="Notification settings" help="portal#notifications" />
        <Alert color="gray" variant="light">
          Notifications arrive with sign-in (the identity module).
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Notification settings"
        help="portal#notifications"
        subtitle="How you hear about each kind of event."
      />
      <ProblemAlert error={save.error} />
      {save.isSuccess && (
        <Text size="sm" c="teal.8" role="status" mb="sm">
          Saved.
        </Text>
      )}
      <QueryState query={query}>
        {(events) => {
          const merged = events.map((e) => ({ ...e, ...edits[e.event] }));
          return (
            <Paper withBorder radius="md" maw={760}>
              <Table verticalSpacing={6} fz="sm" aria-label="Notification settings">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Event</Table.Th>
                    <Table.Th w={110}>In the app</Table.Th>
                    <Table.Th w={200}>E-mail</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {merged.map((e) => (
                    <Table.Tr key={e.event}>
                      <Table.Td>{e.label}</Table.Td>
                      <Table.Td>
                        <Switch
                          aria-label={`${e.label}: in the app`}
                          checked={e.inApp}
                          onChange={(ev) => {
                            const inApp = ev.currentTarget.checked;
                            setEdits((x) => ({ ...x, [e.event]: { ...x[e.event], inApp } }));
                          }}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`${e.label}: e-mail`}
                          size="xs"
                          data={EMAIL}
                          value={e.email}
                          allowDeselect={false}
                          onChange={(v) =>
                            setEdits((x) => ({
                              ...x,
                              [e.event]: { ...x[e.event], email: (v ?? "off") as EmailDelivery },
                            }))
                          }
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group justify="flex-end" p="sm">
                <Button
                  type="button"
                  disabled={Object.keys(edits).length === 0}
                  loading={save.isPending}
                  onClick={() => save.mutate(merged)}
                >
                  Save settings
                </Button>
              </Group>
            </Paper>
          );
        }}
      </QueryState>
    </>
  );
}
