// The closed month's report package on its way to the client's contacts: waiting for the package,
// sent (to whom, when), or failed (why), with "Send again" for the closers after a failure.
import { Alert, Anchor, Button, List, Stack, Text } from "@mantine/core";
import type { CloseMonth } from "../../api/close.ts";
import { Link } from "../../router/router.tsx";

export function PackageDelivery({
  client,
  view,
  canSend,
  sending,
  onSend,
}: {
  client: string;
  view: CloseMonth;
  canSend: boolean;
  sending: boolean;
  onSend: () => void;
}) {
  const d = view.packageDelivery;
  if (!d) return null;
  const packages = (
    <Anchor component={Link} href={`/c/${encodeURIComponent(client)}/reports/package`}>
      report package
    </Anchor>
  );
  return (
    <Stack gap={4} aria-label="Report package delivery">
      <Text fw={600}>Sent to the client</Text>
      {d.status === "pending" && (
        <Text size="sm" c="dimmed">
          The {packages} is being made; it is e-mailed to the client&apos;s contacts when it is done.
        </Text>
      )}
      {d.recipients.length > 0 && (
        <>
          <Text size="sm">
            The {packages} was e-mailed{d.sentAt ? ` on ${new Date(d.sentAt).toLocaleString()}` : ""} to:
          </Text>
          <List size="sm">
            {d.recipients.map((r) => (
              <List.Item key={r.userId}>
                {r.email} · {new Date(r.sentAt).toLocaleString()}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {d.status === "failed" && (
        <Alert color="red" title="The package was not sent">
          <Stack gap="xs">
            <Text size="sm">{d.error}</Text>
            {canSend && (
              <div>
                <Button size="xs" loading={sending} onClick={onSend}>
                  Send again
                </Button>
              </div>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
