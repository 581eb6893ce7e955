// A connection's state as a banner on its institution card: what it means and what to do next.
import { Alert, Button, Code, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconClock, IconPlugConnected } from "@tabler/icons-react";
import type { Connection } from "../../api/banking.ts";
import { formatDate } from "./format.ts";

export interface BannerActions {
  onSetUp?: () => void;
  onReconnect?: () => void;
  onSync?: () => void;
  busy?: boolean;
}

export function ConnectionBanner({
  connection: c,
  actions,
}: {
  connection: Connection;
  actions: BannerActions;
}) {
  if (c.state === "requested") {
    const request = c.openRequests.find((r) => r.kind === "connect");
    return (
      <Alert
        color="blue"
        variant="light"
        icon={<IconClock size={18} />}
        title="Connection requested"
        role="status"
      >
        <Text size="sm">
          {request?.assigneeId
            ? `Asked of ${c.owner.name}`
            : `Asked of the client's people by ${c.history[0]?.actorName ?? c.owner.name}`}{" "}
          on {formatDate(c.createdAt)}; the connection starts once they set it up.
          {request?.message ? ` “${request.message}”` : ""}
        </Text>
        {actions.onSetUp && (
          <Button size="compact-sm" mt="xs" variant="light" onClick={actions.onSetUp} loading={actions.busy}>
            Set up now
          </Button>
        )}
      </Alert>
    );
  }
  if (c.state === "setting_up") {
    return (
      <Alert
        color="yellow"
        variant="light"
        icon={<IconPlugConnected size={18} />}
        title="Setting up"
        role="status"
      >
        <Text size="sm">
          The connection through {c.providerLabel ?? c.provider} is being set up by {c.owner.name}.
        </Text>
      </Alert>
    );
  }
  if (c.state === "disconnected") {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        title="Disconnected"
        role="alert"
      >
        <Text size="sm">
          {c.lastError ? `${c.lastError.charAt(0).toUpperCase()}${c.lastError.slice(1)}. ` : ""}Transactions
          stop arriving until it is reconnected
          {c.openRequests.some((r) => r.kind === "reconnect")
            ? ` (a reconnect task went to ${c.owner.name})`
            : ""}
          .
        </Text>
        {actions.onReconnect && (
          <Button
            size="compact-sm"
            mt="xs"
            color="red"
            variant="light"
            onClick={actions.onReconnect}
            loading={actions.busy}
          >
            Reconnect
          </Button>
        )}
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Connected" role="status">
      <Text size="sm">
        Through {c.providerLabel ?? c.provider}
        {c.lastSyncedAt ? ` · last synced ${formatDate(c.lastSyncedAt, true)}` : " · not synced yet"} · owner{" "}
        {c.owner.name}
      </Text>
      {c.folder && (
        <Text size="xs" c="dimmed" mt={4}>
          Drop statement files into <Code>{c.folder}</Code>
        </Text>
      )}
      {c.lastError && (
        <Text size="xs" c="red.8" mt={4}>
          Last problem: {c.lastError}
        </Text>
      )}
      {actions.onSync && (
        <Group mt="xs">
          <Button
            size="compact-sm"
            variant="light"
            color="teal"
            onClick={actions.onSync}
            loading={actions.busy}
          >
            Sync now
          </Button>
        </Group>
      )}
    </Alert>
  );
}
