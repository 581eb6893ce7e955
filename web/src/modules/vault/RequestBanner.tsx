// The open credential requests at the top of the Password Manager. A client user sees those sent
// to them (or to the whole client) with an "Answer" button; the firm sees the ones still waiting.
import { useState } from "react";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconKey } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { vaultApi, type CredentialRequest } from "../../api/vault.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { AnswerModal } from "./AnswerModal.tsx";

export function RequestBanner({ client, clientSide }: { client: string; clientSide: boolean }) {
  const qc = useQueryClient();
  const [answering, setAnswering] = useState<CredentialRequest | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  const requests = useQuery({
    queryKey: ["vault-requests", client],
    queryFn: () => vaultApi.requests(client),
  });
  const open = requests.data ?? [];
  if (requests.error) return <ProblemAlert error={requests.error} />;
  return (
    <Stack gap="xs" mb="md">
      {answered && (
        <Alert color="teal" withCloseButton onClose={() => setAnswered(null)}>
          Thank you: the login for {answered} is stored securely for your firm.
        </Alert>
      )}
      {open.length > 0 && (
        <Alert
          color={clientSide ? "orange" : "blue"}
          icon={<IconKey size={18} />}
          title={
            clientSide
              ? `Your firm asks for ${open.length === 1 ? "a login" : `${open.length} logins`}`
              : `Waiting for the client: ${open.length === 1 ? "1 login" : `${open.length} logins`}`
          }
          aria-label="Credential requests"
        >
          <Stack gap={6}>
            {open.map((r) => (
              <Group key={r.taskId} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  <b>{r.site}</b>
                  {r.url ? ` (${r.url})` : ""} · asked by {r.requestedBy} on {r.requestedAt.slice(0, 10)}
                  {r.dueDate ? ` · due ${r.dueDate}` : ""}
                  {r.note && !clientSide ? ` · ${r.note}` : ""}
                </Text>
                {clientSide && (
                  <Button size="xs" onClick={() => setAnswering(r)} aria-label={`Answer: ${r.site}`}>
                    Answer
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {answering && (
        <AnswerModal
          client={client}
          request={answering}
          onClose={() => setAnswering(null)}
          onAnswered={() => {
            setAnswered(answering.site);
            setAnswering(null);
            void qc.invalidateQueries({ queryKey: ["vault-requests", client] });
            void qc.invalidateQueries({ queryKey: ["vault", client] });
          }}
        />
      )}
    </Stack>
  );
}
