// The second-factor prompt a reveal needs when the person's last code is older than a few
// minutes: the authenticator app's code (or a code sent by e-mail or text message, or a recovery
// code), proven at /api/me/2fa/verify-current; then the reveal is tried again. Someone without a
// second factor of their own (signed in through the firm's SSO only) is told to set one up.
import { useState } from "react";
import { Anchor, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { meApi } from "../../api/identity.ts";
import { fieldMessage, messageOf } from "../../api/problem.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useSession } from "../../app/session.tsx";
import { Link } from "../../router/router.tsx";

const ASK: Record<string, string> = {
  totp: "Enter the code your authenticator app shows now.",
  email: "We send a code to your e-mail address: enter it here.",
  sms: "We send a code by text message to your phone: enter it here.",
};

export function StepUpModal({ onVerified, onClose }: { onVerified: () => void; onClose: () => void }) {
  const { me } = useSession();
  const method = me.user.twoFactor?.method ?? null;
  const [code, setCode] = useState("");
  const send = useMutation({ mutationFn: meApi.sendCode });
  const verify = useMutation({ mutationFn: () => meApi.verifyCurrent(code.trim()), onSuccess: onVerified });
  const codeError =
    fieldMessage(verify.error, "code") ?? (verify.error ? messageOf(verify.error) : undefined);
  return (
    <Modal opened onClose={onClose} title="Confirm it is you">
      {method === null ? (
        <Stack gap="sm">
          <Text size="sm">
            Showing a password needs a two-step verification code from the last 5 minutes, and you have no
            two-step method of your own (you sign in through your firm&apos;s single sign-on).
          </Text>
          <Text size="sm">
            Set one up under{" "}
            <Anchor component={Link} href="/settings/profile">
              Profile → Two-step verification
            </Anchor>
            , then come back.
          </Text>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            verify.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              Showing or copying a password needs your two-step verification from the last 5 minutes.{" "}
              {ASK[method]}
            </Text>
            <ProblemAlert error={send.error} />
            {(method === "email" || method === "sms") && (
              <Group>
                <Button variant="light" size="xs" loading={send.isPending} onClick={() => send.mutate()}>
                  {send.isSuccess ? "Send another code" : "Send me a code"}
                </Button>
              </Group>
            )}
            <TextInput
              label="Verification code"
              description="A recovery code works too."
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={codeError}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={verify.isPending} disabled={!code.trim()}>
                Confirm
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
