// Your profile and security: name and phone, password, two-factor method and recovery codes,
// open sessions, and signing out everywhere.
import { useState } from "react";
import {
  Alert,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authApi, meApi } from "../api/identity.ts";
import { PageHeader } from "../components/PageHeader.tsx";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { useSession } from "../app/session.tsx";
import { ROLE_LABELS } from "../app/roles.ts";
import { formatDateTime } from "../lib/dates.ts";
import { SecondFactorCard } from "./SecondFactorCard.tsx";
import { PASSWORD_MIN } from "../auth/NewPasswordFields.tsx";

export function ProfilePage() {
  const { me, mode } = useSession();
  const qc = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const [phone, setPhone] = useState(me.user.phone ?? "");
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const save = useMutation({
    mutationFn: () => meApi.update({ name: name.trim(), phone: phone.trim() || null }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["session"] }),
  });
  const password = useMutation({
    mutationFn: () => meApi.changePassword(current, next),
    onSuccess: () => {
      setCurrent("");
      setNext("");
    },
  });
  const sessions = useQuery({ queryKey: ["my-sessions"], queryFn: meApi.sessions, enabled: mode === "user" });
  const end = useMutation({
    mutationFn: meApi.endSession,
    onSuccess: () => qc.invalidateQueries({ queryKey: ["my-sessions"] }),
  });
  const everywhere = useMutation({
    mutationFn: authApi.signOutEverywhere,
    onSuccess: () => window.location.assign("/sign-in"),
  });

  if (mode === "open") {
    return (
      <>
        <PageHeader title="Profile and security" help="portal#your-profile" />
        <Alert color="gray" variant="light">
          This server runs without sign-in (no identity module): there is no profile to edit.
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Profile and security"
        help="portal#your-profile"
        subtitle={`${me.user.email} · ${ROLE_LABELS[me.user.role] ?? me.user.role}`}
      />
      <Stack gap="md" maw={720}>
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="md" mb="sm">
            Profile
          </Title>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack gap="sm">
              <ProblemAlert error={save.error} />
              {save.isSuccess && (
                <Text size="sm" c="teal.8" role="status">
                  Saved.
                </Text>
              )}
              <Group grow>
                <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
                <TextInput
                  label="Mobile phone"
                  value={phone}
                  onChange={(e) => setPhone(e.currentTarget.value)}
                  placeholder="+15551234567"
                />
              </Group>
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  Save profile
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={3} fz="md" mb="sm">
            Password
          </Title>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              password.mutate();
            }}
          >
            <Stack gap="sm">
              <ProblemAlert error={password.error} />
              {password.isSuccess && (
                <Text size="sm" c="teal.8" role="status">
                  Password changed. Your other sessions were signed out.
                </Text>
              )}
              <Group grow>
                <PasswordInput
                  label="Current password"
                  autoComplete="current-password"
                  value={current}
                  onChange={(e) => setCurrent(e.currentTarget.value)}
                />
                <PasswordInput
                  label="New password"
                  autoComplete="new-password"
                  value={next}
                  onChange={(e) => setNext(e.currentTarget.value)}
                />
              </Group>
              <Group justify="flex-end">
                <Button
                  type="submit"
                  disabled={!current || next.length < PASSWORD_MIN}
                  loading={password.isPending}
                >
                  Change password
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        <SecondFactorCard />
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm">
            <Title order={3} fz="md">
              Where you are signed in
            </Title>
            <Button
              type="button"
              size="xs"
              variant="default"
              color="red"
              loading={everywhere.isPending}
              onClick={() => everywhere.mutate()}
            >
              Sign out everywhere
            </Button>
          </Group>
          <ProblemAlert error={sessions.error ?? end.error} />
          <Table fz="sm" verticalSpacing={4} aria-label="Sessions">
            <Table.Tbody>
              {(sessions.data ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.userAgent ?? "Unknown browser"}
                    {s.current ? " (this browser)" : ""}
                  </Table.Td>
                  <Table.Td c="dimmed">{s.ip ?? ""}</Table.Td>
                  <Table.Td c="dimmed">Last seen {formatDateTime(s.lastSeenAt)}</Table.Td>
                  <Table.Td ta="right">
                    {!s.current && (
                      <Button
                        type="button"
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => end.mutate(s.id)}
                      >
                        Sign out
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
    </>
  );
}
