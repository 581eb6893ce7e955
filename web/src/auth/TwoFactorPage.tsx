// The second sign-in step: the 2FA code (or a recovery code), with Resend for e-mail and SMS.
import { useState } from "react";
import { Anchor } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { authApi, type Challenge } from "../api/identity.ts";
import { ApiError } from "../api/problem.ts";
import { Link, navigate } from "../router/router.tsx";
import { AuthLayout } from "./AuthLayout.tsx";
import { CodeForm } from "./CodeForm.tsx";
import { clearFlow, readFlow, writeFlow } from "./flow.ts";

export function TwoFactorPage() {
  const [challenge, setChallenge] = useState<Challenge | undefined>(() => readFlow().challenge);
  const qc = useQueryClient();
  const verify = useMutation({
    mutationFn: authApi.verify,
    onSuccess: async () => {
      const next = readFlow().next ?? "/";
      clearFlow();
      await qc.resetQueries({ queryKey: ["session"] });
      navigate(next, { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 410) {
        clearFlow();
        navigate("/sign-in");
      }
    },
  });
  if (!challenge) {
    return (
      <AuthLayout title="Two-step verification">
        <Anchor component={Link} href="/sign-in">
          Start again at sign-in
        </Anchor>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Two-step verification">
      <CodeForm
        challenge={challenge}
        onChallenge={(c) => {
          setChallenge(c);
          writeFlow({ challenge: c });
        }}
        submit={(code) => verify.mutate(code)}
        submitting={verify.isPending}
        error={verify.error}
        allowRecovery
      />
    </AuthLayout>
  );
}
