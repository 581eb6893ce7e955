// Two-factor enrolment (mandatory before the first sign-in completes): choose an authenticator
// app, an e-mail code or an SMS code, prove it with one code, then see the recovery codes.
import { useState } from "react";
import { Anchor, Button, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { authApi, type Challenge, type TwoFactorMethod, type TotpEnrolment } from "../api/identity.ts";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { Link, navigate } from "../router/router.tsx";
import { AuthLayout } from "./AuthLayout.tsx";
import { CodeForm } from "./CodeForm.tsx";
import { readFlow, setRecoveryCodes, writeFlow } from "./flow.ts";
import { TotpSetup } from "./TotpSetup.tsx";

export function EnrolPage() {
  const enrolment = readFlow().enrolment;
  const [method, setMethod] = useState<TwoFactorMethod>("totp");
  const [phone, setPhone] = useState("");
  const [totp, setTotp] = useState<TotpEnrolment | null>(null);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const qc = useQueryClient();
  const start = useMutation({
    mutationFn: async () => {
      if (method === "totp") setTotp(await authApi.enrolTotp());
      else
        setChallenge(method === "email" ? await authApi.enrolEmail() : await authApi.enrolSms(phone.trim()));
    },
  });
  const confirm = useMutation({
    mutationFn: authApi.confirmEnrolment,
    onSuccess: async (r) => {
      setRecoveryCodes(r.recoveryCodes);
      writeFlow({ enrolment: undefined, challenge: undefined });
      await qc.resetQueries({ queryKey: ["session"] });
      navigate("/sign-in/recovery-codes", { replace: true });
    },
  });

  if (!enrolment) {
    return (
      <AuthLayout title="Set up two-step verification">
        <Anchor component={Link} href="/sign-in">
          Start again at sign-in
        </Anchor>
      </AuthLayout>
    );
  }
  if (totp) {
    return (
      <AuthLayout title="Set up your authenticator app">
        <TotpSetup
          enrolment={totp}
          submit={(c) => confirm.mutate(c)}
          submitting={confirm.isPending}
          error={confirm.error}
        />
      </AuthLayout>
    );
  }
  if (challenge) {
    return (
      <AuthLayout title={challenge.method === "sms" ? "Confirm your phone" : "Confirm your e-mail"}>
        <CodeForm
          challenge={challenge}
          onChallenge={setChallenge}
          submit={(c) => confirm.mutate(c)}
          submitting={confirm.isPending}
          error={confirm.error}
        />
      </AuthLayout>
    );
  }
  const labels: Record<TwoFactorMethod, string> = {
    totp: "Authenticator app (recommended)",
    email: `A code by e-mail${enrolment.email ? ` to ${enrolment.email}` : ""}`,
    sms: "A code by text message (SMS)",
  };
  return (
    <AuthLayout title="Set up two-step verification">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Your firm requires a second step at every sign-in. Choose how you will receive your codes.
          </Text>
          <ProblemAlert error={start.error} />
          <Radio.Group
            value={method}
            onChange={(v) => setMethod(v as TwoFactorMethod)}
            label="Method"
            required
          >
            <Stack gap={8} mt={6}>
              {enrolment.methods
                .filter((m) => m !== "sms" || enrolment.smsAvailable)
                .map((m) => (
                  <Radio key={m} value={m} label={labels[m]} />
                ))}
            </Stack>
          </Radio.Group>
          {method === "sms" && (
            <TextInput
              label="Mobile number"
              type="tel"
              placeholder="+15551234567"
              required
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
            />
          )}
          <Button type="submit" loading={start.isPending} fullWidth>
            Continue
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
