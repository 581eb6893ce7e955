// Setting up an authenticator app: the QR code to scan, the secret to paste (with a copy
// button), and the first code to prove it works.
import { useState } from "react";
import {
  ActionIcon,
  Box,
  Button,
  Code,
  CopyButton,
  Group,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import type { TotpEnrolment } from "../api/identity.ts";
import { ProblemAlert } from "../components/ProblemAlert.tsx";

export function TotpSetup({
  enrolment,
  submit,
  submitting,
  error,
}: {
  enrolment: TotpEnrolment;
  submit: (code: string) => void;
  submitting: boolean;
  error: unknown;
}) {
  const [code, setCode] = useState("");
  const grouped = enrolment.secret.replace(/(.{4})/g, "$1 ").trim();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(code.trim());
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          Scan this QR code with your authenticator app (Google Authenticator, 1Password, Authy…), or paste
          the secret into it.
        </Text>
        {/* The server renders the QR code as SVG; nothing is fetched from elsewhere. */}
        <Box
          role="img"
          aria-label="QR code for your authenticator app"
          w={180}
          h={180}
          mx="auto"
          style={{ lineHeight: 0 }}
          dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
        />
        <Group gap={6} justify="center" wrap="nowrap">
          <Code fz="sm" aria-label="Secret" data-testid="totp-secret">
            {grouped}
          </Code>
          <CopyButton value={enrolment.secret}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? "Copied" : "Copy the secret"}>
                <ActionIcon
                  variant="subtle"
                  color={copied ? "teal" : "gray"}
                  onClick={copy}
                  aria-label="Copy the secret"
                >
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <ProblemAlert error={error} title="That code did not work" />
        <TextInput
          label="Code from the app"
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          placeholder="123456"
        />
        <Button type="submit" loading={submitting} fullWidth>
          Verify and turn on
        </Button>
      </Stack>
    </form>
  );
}
