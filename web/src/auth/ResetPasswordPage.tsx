// Choosing a new password from a reset link (/reset-password#token=…).
import { useState } from "react";
import { Alert, Anchor, Button, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { authApi } from "../api/identity.ts";
import { ProblemAlert } from "../components/ProblemAlert.tsx";
import { Link, useLocation } from "../router/router.tsx";
import { AuthLayout } from "./AuthLayout.tsx";
import { NewPasswordFields, newPasswordReady } from "./NewPasswordFields.tsx";
import { tokenFromHash } from "./tokenFromHash.ts";

export function ResetPasswordPage() {
  const token = tokenFromHash(useLocation().hash);
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const reset = useMutation({ mutationFn: () => authApi.confirmReset(token!, password) });
  return (
    <AuthLayout title="Choose a new password">
      {!token ? (
        <Alert color="yellow">
          This link is incomplete. Open the link from the e-mail again, or ask for a new one.
        </Alert>
      ) : reset.isSuccess ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status">
            Your password is changed. Sign in with it now.
          </Alert>
          <Button component={Link} href="/sign-in" fullWidth>
            Sign in
          </Button>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            reset.mutate();
          }}
        >
          <Stack gap="sm">
            <ProblemAlert error={reset.error} />
            <NewPasswordFields
              label="New password"
              repeatLabel="Repeat the new password"
              password={password}
              repeat={repeat}
              onPasswordChange={setPassword}
              onRepeatChange={setRepeat}
              autoFocus
            />
            <Button
              type="submit"
              loading={reset.isPending}
              disabled={!newPasswordReady(password, repeat)}
              fullWidth
            >
              Change password
            </Button>
            <Anchor component={Link} href="/forgot-password" size="sm">
              Ask for a new link
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
