// Shows an API error (problem+json) as a calm alert: the server's sentence, and which field.
import { Alert } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { ApiError, messageOf } from "../api/problem.ts";

export function ProblemAlert({
  error,
  title = "That did not work",
  onClose,
}: {
  error: unknown;
  title?: string;
  onClose?: () => void;
}) {
  if (!error) return null;
  const field = error instanceof ApiError ? error.problem.field : undefined;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={title}
      role="alert"
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      mb="md"
    >
      {messageOf(error)}
      {field ? ` (field: ${field})` : ""}
    </Alert>
  );
}
