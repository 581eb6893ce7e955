// One login as a card: site, address, username, nickname and tags, and the password and notes
// only once revealed. Reveal and copy go through the server each time (each one is logged); when
// it asks for a fresh second factor the prompt opens, and the same action is tried again after.
import { useState } from "react";
import { ActionIcon, Anchor, Badge, Button, Card, Code, Group, Stack, Text, Tooltip } from "@mantine/core";
import { IconCopy, IconEye, IconEyeOff, IconPencil, IconTrash } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { STEP_UP_REQUIRED, vaultApi, type Revealed, type VaultEntry } from "../../api/vault.ts";
import { ApiError } from "../../api/problem.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StepUpModal } from "./StepUpModal.tsx";

type Purpose = "view" | "copy";

export function EntryCard({
  client,
  entry,
  canReveal,
  canEdit,
  onEdit,
  onDelete,
}: {
  client: string;
  entry: VaultEntry;
  canReveal: boolean;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const [shown, setShown] = useState<Revealed | null>(null);
  const [stepUp, setStepUp] = useState<Purpose | null>(null);
  const [copied, setCopied] = useState(false);
  const reveal = useMutation({
    mutationFn: (purpose: Purpose) => vaultApi.reveal(client, entry.id, purpose),
    onSuccess: async (r, purpose) => {
      if (purpose === "view") return setShown(r);
      try {
        await navigator.clipboard.writeText(r.password);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      } catch {
        // The browser refused the clipboard: show it instead, so it can be copied by hand.
        setShown(r);
      }
    },
    onError: (error, purpose) => {
      if (error instanceof ApiError && error.code === STEP_UP_REQUIRED) setStepUp(purpose);
    },
  });
  const stepUpAsked = reveal.error instanceof ApiError && reveal.error.code === STEP_UP_REQUIRED;
  const label = entry.nickname ? `${entry.site} (${entry.nickname})` : entry.site;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={`Login ${label}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600}>{entry.site}</Text>
            {entry.nickname && (
              <Text size="sm" c="dimmed">
                {entry.nickname}
              </Text>
            )}
          </div>
          {canEdit && (
            <Group gap={4} wrap="nowrap">
              <Tooltip label="Change" withArrow>
                <ActionIcon variant="subtle" color="gray" aria-label={`Change ${label}`} onClick={onEdit}>
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Delete" withArrow>
                <ActionIcon variant="subtle" color="red" aria-label={`Delete ${label}`} onClick={onDelete}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          )}
        </Group>
        {entry.url && (
          <Anchor href={entry.url} target="_blank" rel="noopener noreferrer" size="sm">
            {entry.url}
          </Anchor>
        )}
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            Username{" "}
          </Text>
          {entry.username || "—"}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text span c="dimmed" size="sm">
            Password
          </Text>
          {shown ? (
            <Code aria-label={`Password of ${label}`}>{shown.password || "(empty)"}</Code>
          ) : (
            <Text span size="sm">
              ••••••••
            </Text>
          )}
        </Group>
        {shown?.notes && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} aria-label={`Notes of ${label}`}>
            {shown.notes}
          </Text>
        )}
        {entry.tags.length > 0 && (
          <Group gap={4}>
            {entry.tags.map((t) => (
              <Badge key={t} size="sm" variant="light" tt="none">
                {t}
              </Badge>
            ))}
          </Group>
        )}
        {canReveal && (
          <Group gap="xs" mt={4}>
            {shown ? (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconEyeOff size={14} />}
                onClick={() => setShown(null)}
              >
                Hide
              </Button>
            ) : (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconEye size={14} />}
                loading={reveal.isPending && reveal.variables === "view"}
                onClick={() => reveal.mutate("view")}
              >
                Show password
              </Button>
            )}
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCopy size={14} />}
              loading={reveal.isPending && reveal.variables === "copy"}
              onClick={() => reveal.mutate("copy")}
            >
              {copied ? "Copied" : "Copy password"}
            </Button>
          </Group>
        )}
        {!stepUpAsked && <ProblemAlert error={reveal.error} />}
        <Text size="xs" c="dimmed">
          Changed by {entry.updatedByName} on {entry.updatedAt.slice(0, 10)}
        </Text>
      </Stack>
      {stepUp && (
        <StepUpModal
          onClose={() => setStepUp(null)}
          onVerified={() => {
            const purpose = stepUp;
            setStepUp(null);
            reveal.mutate(purpose);
          }}
        />
      )}
    </Card>
  );
}
