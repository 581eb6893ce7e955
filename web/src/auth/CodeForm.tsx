// Entering a one-time code: where it was sent, the code field, "Resend" (throttled: the wait is
// shown, and the server's "too soon" answer too), and in trial mode a way to read the code.
import { useState } from "react";
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { authApi, type Challenge } from "../api/identity.ts";
import { ApiError, messageOf } from "../api/problem.ts";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { useCountdown } from "./useCountdown.ts";

export function CodeForm({
  challenge,
  onChallenge,
  submit,
  submitting,
  error,
  allowRecovery = false,
}: {
  challenge: Challenge;
  onChallenge: (c: Challenge) => void;
  submit: (code: string) => void;
  submitting: boolean;
  error: unknown;
  allowRecovery?: boolean;
}) {
  const [code, setCode] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const resendIn = useCountdown(waitUntil ?? challenge.resendAvailableAt);
  const resend = useMutation({
    mutationFn: authApi.resend,
    onSuccess: (c) => {
      onChallenge(c);
      setWaitUntil(null);
      setNotice(
        `A new code was sent${c.destination ? ` to ${c.destination}` : ""}. The previous code no longer works.`,
      );
    },
    onError: (e) => {
      setNotice(null);
      if (e instanceof ApiError && typeof e.problem.retryAfter === "number")
        setWaitUntil(Date.now() + e.problem.retryAfter * 1000);
    },
  });
  const outbox = useMutation({ mutationFn: authApi.trialOutbox });
  const byApp = challenge.method === "totp";
  const throttled = resend.error instanceof ApiError && resend.error.status === 429;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(code.trim());
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {byApp
            ? "Enter the 6-digit code shown by your authenticator app."
            : `Enter the 6-digit code we sent ${challenge.method === "sms" ? "by text message" : "by e-mail"}${challenge.destination ? ` to ${challenge.destination}` : ""}.`}
        </Text>
        <ProblemAlert error={error} title="That code did not work" />
        {notice && (
          <Alert color="teal" variant="light" role="status">
            {notice}
          </Alert>
        )}
        {throttled && (
          <Alert color="yellow" variant="light" role="alert" title="Please wait">
            {messageOf(resend.error)}
            {resendIn > 0 ? ` You can ask for a new code in ${resendIn} s.` : ""}
          </Alert>
        )}
        {resend.error && !throttled ? <ProblemAlert error={resend.error} /> : null}
        <TextInput
          label="Code"
          autoComplete="one-time-code"
          inputMode={allowRecovery ? "text" : "numeric"}
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          autoFocus
          placeholder={allowRecovery ? "123456 or a recovery code" : "123456"}
          styles={{ input: { letterSpacing: 2, fontFamily: "var(--mantine-font-family-monospace)" } }}
        />
        <Button type="submit" loading={submitting} fullWidth>
          Verify
        </Button>
        {!byApp && (
          <Group justify="space-between">
            <Button
              type="button"
              variant="subtle"
              size="compact-sm"
              onClick={() => resend.mutate()}
              loading={resend.isPending}
              disabled={resendIn > 0 || challenge.resendsLeft === 0}
            >
              {resendIn > 0 ? `Resend code (in ${resendIn} s)` : "Resend code"}
            </Button>
            {challenge.resendsLeft === 0 && (
              <Text size="xs" c="dimmed">
                No more resends for this sign-in.
              </Text>
            )}
          </Group>
        )}
        {challenge.outbox && (
          <Stack gap={4}>
            <Anchor component="button" type="button" size="sm" onClick={() => outbox.mutate()}>
              Show my code (trial mode)
            </Anchor>
            {outbox.data && outbox.data.length > 0 && (
              <Alert color="gray" variant="light" title="Trial mode: no mail server is configured">
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {outbox.data[outbox.data.length - 1]!.text}
                </Text>
              </Alert>
            )}
          </Stack>
        )}
        {allowRecovery && (
          <Text size="xs" c="dimmed">
            Lost your device? Enter one of your recovery codes instead. Still stuck? Ask your firm's
            administrator to reset your two-factor authentication.
          </Text>
        )}
      </Stack>
    </form>
  );
}
