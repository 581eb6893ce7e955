// Asking for a password reset link by e-mail (the answer is the same whether or not the
// address has an account, so nobody can probe for accounts).
import { useState } from "react";
import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { authApi } from "../api/identity.ts";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { Link } from "../router/router.tsx";
import { AuthLayout } from "./AuthLayout.tsx";

export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: () => authApi.requestReset(email.trim()) });
  return (
    <AuthLayout title="Reset your password">
      {request.isSuccess ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status">
            If an account uses {email.trim()}, we sent it a link to choose a new password. The link works for
            a limited time.
          </Alert>
          <Anchor component={Link} href="/sign-in" size="sm">
            Back to sign-in
          </Anchor>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              Enter your e-mail address and we will send you a link to choose a new password.
            </Text>
            <ProblemAlert error={request.error} />
            <TextInput
              label="E-mail"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              Send the link
            </Button>
            <Anchor component={Link} href="/sign-in" size="sm">
              Back to sign-in
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
