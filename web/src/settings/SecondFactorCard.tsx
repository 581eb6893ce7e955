// Your two-factor method in the profile: prove the current factor, then switch method or make
// new recovery codes.
import { useState } from "react";
import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { meApi, type TwoFactorMethod, type TotpEnrolment, type Challenge } from "../api/identity.ts";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { useSession } from "../app/session.tsx";
import { RecoveryCodes } from "../auth/RecoveryCodes.tsx";
import { TotpSetup } from "../auth/TotpSetup.tsx";

const METHOD: Record<string, string> = {
  totp: "Authenticator app",
  email: "Code by e-mail",
  sms: "Code by text message",
};

export function SecondFactorCard() {
  const { me } = useSession();
  const qc = useQueryClient();
  const tf = me.user.twoFactor;
  const [code, setCode] = useState("");
  const [verified, setVerified] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [pending, setPending] = useState<{ totp?: TotpEnrolment; challenge?: Challenge } | null>(null);
  const [newCode, setNewCode] = useState("");
  const send = useMutation({ mutationFn: meApi.sendCode });
  const verify = useMutation({
    mutationFn: () => meApi.verifyCurrent(code.trim()),
    onSuccess: () => setVerified(true),
  });
  const regenerate = useMutation({
    mutationFn: meApi.newRecoveryCodes,
    onSuccess: (r) => setCodes(r.recoveryCodes),
  });
  const switchTo = useMutation({
    mutationFn: (m: TwoFactorMethod) => meApi.enrol(m, me.user.phone ?? undefined),
    onSuccess: (r) => setPending("secret" in r ? { totp: r } : { challenge: r.challenge }),
  });
  const confirm = useMutation({
    mutationFn: (c: string) => meApi.confirmEnrolment(c),
    onSuccess: (r) => {
      setCodes(r.recoveryCodes);
      setPending(null);
      void qc.invalidateQueries({ queryKey: ["session"] });
    },
  });

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} fz="md" mb={4}>
        Two-step verification
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {tf?.method ? `${METHOD[tf.method]} · ${tf.recoveryCodesLeft} recovery codes left` : "Not set up"}
      </Text>
      <Stack gap="sm">
        <ProblemAlert error={send.error ?? verify.error ?? regenerate.error ?? switchTo.error} />
        {codes && (
          <>
            <Text size="sm" fw={500}>
              Your new recovery codes (shown once):
            </Text>
            <RecoveryCodes codes={codes} />
          </>
        )}
        {pending?.totp && (
          <TotpSetup
            enrolment={pending.totp}
            submit={(c) => confirm.mutate(c)}
            submitting={confirm.isPending}
            error={confirm.error}
          />
        )}
        {pending?.challenge && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              confirm.mutate(newCode.trim());
            }}
          >
            <ProblemAlert error={confirm.error} />
            <Group align="flex-end">
              <TextInput
                label={`Code sent to ${pending.challenge.destination ?? "you"}`}
                value={newCode}
                onChange={(e) => setNewCode(e.currentTarget.value)}
                autoComplete="one-time-code"
              />
              <Button type="submit" loading={confirm.isPending}>
                Confirm
              </Button>
            </Group>
          </form>
        )}
        {!verified ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              verify.mutate();
            }}
          >
            <Text size="sm" mb={6}>
              To change these settings, first enter a current code
              {tf?.method && tf.method !== "totp" ? " (send one below)" : ""} or a recovery code.
            </Text>
            <Group align="flex-end">
              <TextInput
                label="Current code"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                autoComplete="one-time-code"
              />
              <Button type="submit" variant="default" loading={verify.isPending}>
                Verify
              </Button>
              {tf?.method && tf.method !== "totp" && (
                <Button type="button" variant="subtle" onClick={() => send.mutate()} loading={send.isPending}>
                  Send me a code
                </Button>
              )}
            </Group>
          </form>
        ) : (
          !pending && (
            <Group>
              {(["totp", "email", "sms"] as const)
                .filter((m) => m !== tf?.method)
                .map((m) => (
                  <Button
                    type="button"
                    key={m}
                    variant="default"
                    size="xs"
                    onClick={() => switchTo.mutate(m)}
                    loading={switchTo.isPending && switchTo.variables === m}
                  >
                    Switch to {METHOD[m]!.toLowerCase()}
                  </Button>
                ))}
              <Button
                type="button"
                variant="default"
                size="xs"
                onClick={() => regenerate.mutate()}
                loading={regenerate.isPending}
              >
                New recovery codes
              </Button>
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}
