// Sign-in with e-mail and password; sends the person on to the 2FA code or to enrolment, or to
// their firm's single sign-on when the firm requires it.
import { useState } from "react";
import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { authApi } from "../api/identity.ts";
import { ApiError } from "../api/problem.ts";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { Link, navigate, useLocation } from "../router/router.tsx";
import { AuthLayout } from "./AuthLayout.tsx";
import { writeFlow } from "./flow.ts";

export function SignInPage() {
  const { search } = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sso, setSso] = useState<{ startUrl: string; required: boolean } | null>(null);
  const signIn = useMutation({
    mutationFn: () => authApi.signIn(email.trim(), password),
    onSuccess: (step) => {
      writeFlow({
        next: search.get("next") ?? "/",
        ...(step.next === "2fa"
          ? { challenge: step.challenge, enrolment: undefined }
          : { enrolment: step.enrolment, challenge: undefined }),
      });
      navigate(step.next === "2fa" ? "/sign-in/2fa" : "/sign-in/enrol");
    },
    onError: (error) => {
      if (
        error instanceof ApiError &&
        error.code === "identity/sso-required" &&
        typeof error.problem.ssoUrl === "string"
      )
        window.location.assign(error.problem.ssoUrl);
    },
  });
  const discover = async () => {
    if (!email.includes("@")) return;
    try {
      const r = await authApi.discoverSso(email.trim());
      setSso(r.sso);
    } catch {
      setSso(null);
    }
  };
  const error = search.get("error");

  return (
    <AuthLayout title="Sign in">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          signIn.mutate();
        }}
      >
        <Stack gap="sm">
          {error && (
            <ProblemAlert
              error={
                new Error(
                  `Single sign-on did not complete (${error}). Try again or sign in with your password.`,
                )
              }
            />
          )}
          <ProblemAlert error={signIn.error} title="Could not sign in" />
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            onBlur={() => void discover()}
            autoFocus
          />
          {!sso?.required && (
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
          )}
          {!sso?.required && (
            <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
              Sign in
            </Button>
          )}
          {sso && (
            <Button
              component="a"
              href={`${sso.startUrl}${sso.startUrl.includes("?") ? "&" : "?"}email=${encodeURIComponent(email.trim())}`}
              variant={sso.required ? "filled" : "default"}
              fullWidth
            >
              Sign in with your firm's single sign-on
            </Button>
          )}
          <Group justify="space-between" mt={4}>
            <Anchor component={Link} href="/forgot-password" size="sm">
              Forgot your password?
            </Anchor>
            <Anchor component={Link} href="/help/portal#signing-in" size="sm">
              Help
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
