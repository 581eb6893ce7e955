// Accepting an invitation (/invitation#token=…): the invitee sets a name and a password, then
// enrols two-factor authentication.
import { useState } from "react";
import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { authApi } from "../api/identity.ts";
import { ROLE_LABELS } from "../app/roles.ts";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { navigate, useLocation } from "../router/router.tsx";
import { formatDate } from "../lib/dates.ts";
import { AuthLayout } from "./AuthLayout.tsx";
import { NewPasswordFields, newPasswordReady } from "./NewPasswordFields.tsx";
import { writeFlow } from "./flow.ts";
import { tokenFromHash as tokenOf } from "./tokenFromHash.ts";

export function AcceptInvitationPage() {
  const token = tokenOf(useLocation().hash);
  const invitation = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => authApi.invitation(token!),
    enabled: Boolean(token),
    retry: false,
  });
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const accept = useMutation({
    mutationFn: () =>
      authApi.acceptInvitation(token!, (name ?? invitation.data?.name ?? "").trim(), password),
    onSuccess: (step) => {
      writeFlow({
        next: "/",
        ...(step.next === "enrol-2fa" ? { enrolment: step.enrolment } : { challenge: step.challenge }),
      });
      navigate(step.next === "enrol-2fa" ? "/sign-in/enrol" : "/sign-in/2fa", { replace: true });
    },
  });
  const brand = invitation.data
    ? { name: invitation.data.firm.name, logo: invitation.data.firm.logoDataUrl }
    : undefined;

  if (!token) {
    return (
      <AuthLayout title="Accept your invitation">
        <Alert color="yellow">
          This link is incomplete. Open the link from your invitation e-mail again.
        </Alert>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Accept your invitation" brand={brand}>
      <QueryState query={invitation}>
        {(inv) => (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              accept.mutate();
            }}
          >
            <Stack gap="sm">
              <Text size="sm">
                {inv.firm.name} invited <strong>{inv.email}</strong> to Closebook as{" "}
                {ROLE_LABELS[inv.role] ?? inv.role}. The invitation is valid until{" "}
                {formatDate(inv.expiresAt.slice(0, 10))}.
              </Text>
              <ProblemAlert error={accept.error} />
              <TextInput
                label="Your name"
                required
                autoComplete="name"
                value={name ?? inv.name ?? ""}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <NewPasswordFields
                label="Choose a password"
                repeatLabel="Repeat the password"
                password={password}
                repeat={repeat}
                onPasswordChange={setPassword}
                onRepeatChange={setRepeat}
              />
              <Button
                type="submit"
                loading={accept.isPending}
                disabled={!newPasswordReady(password, repeat)}
                fullWidth
              >
                Set password and continue
              </Button>
            </Stack>
          </form>
        )}
      </QueryState>
    </AuthLayout>
  );
}
