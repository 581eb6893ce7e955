// A create form's refusal that names none of the form's fields (shown under the form).
import { Text } from "@mantine/core";
import { fieldMessage, messageOf } from "../../api/problem.ts";

export function Refusal({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!error || fields.some((f) => fieldMessage(error, f))) return null;
  return (
    <Text size="sm" c="red" role="alert">
      {messageOf(error)}
    </Text>
  );
}
