// After enrolment: the recovery codes, once, before entering the portal.
import { useState } from "react";
import { Alert, Button, Checkbox, Stack, Text } from "@mantine/core";
import { navigate } from "../router/router.tsx";
import { AuthLayout } from "./AuthLayout.tsx";
import { clearFlow, readFlow, setRecoveryCodes, takeRecoveryCodes } from "./flow.ts";
import { RecoveryCodes } from "./RecoveryCodes.tsx";

export function RecoveryCodesPage() {
  const [codes] = useState(takeRecoveryCodes);
  const [saved, setSaved] = useState(false);
  const next = readFlow().next ?? "/";
  const go = () => {
    setRecoveryCodes(null);
    clearFlow();
    navigate(next, { replace: true });
    // The whole app reloads its session now that sign-in is complete.
    window.location.reload();
  };
  return (
    <AuthLayout title="Save your recovery codes">
      <Stack gap="sm">
        <Text size="sm">
          Two-step verification is on. If you lose access to your codes, each of these recovery codes lets you
          sign in once. Keep them somewhere safe: they are shown only now.
        </Text>
        {codes ? (
          <RecoveryCodes codes={codes} />
        ) : (
          <Alert color="gray">The codes were shown already. You can make new ones in your profile.</Alert>
        )}
        <Checkbox
          label="I have saved my recovery codes"
          checked={saved || !codes}
          onChange={(e) => setSaved(e.currentTarget.checked)}
        />
        <Button type="button" onClick={go} disabled={Boolean(codes) && !saved} fullWidth>
          Continue to Closebook
        </Button>
      </Stack>
    </AuthLayout>
  );
}
