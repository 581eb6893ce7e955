// A client's details in the global view: profile, status, termination (and its cancellation),
// and the way into the client's own view.
import { useState } from "react";
import { Alert, Anchor, Button, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { clientsApi, setupUnfinished } from "../../api/clients.ts";
import { useHasPath } from "../../api/openapi.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { Link } from "../../router/router.tsx";
import { useCan } from "../../app/session.tsx";
import { formatDate } from "../../lib/dates.ts";
import { contactName } from "./contact.ts";
import { DETAIL_FIELDS } from "./ClientDetailsForm.tsx";
import { TerminateClientModal } from "./TerminateClientModal.tsx";

export function ClientDetailsPage({ client }: { client: string }) {
  const can = useCan();
  const qc = useQueryClient();
  const query = useQuery({ queryKey: ["client", client], queryFn: () => clientsApi.get(client) });
  const [terminating, setTerminating] = useState(false);
  const canTerminate = useHasPath("/api/clients/{client}/terminate", "post") && can("client.terminate");
  const cancel = useMutation({
    mutationFn: () => clientsApi.cancelTermination(client),
    onSuccess: () =>
      qc
        .invalidateQueries({ queryKey: ["client", client] })
        .then(() => qc.invalidateQueries({ queryKey: ["clients"] })),
  });

  return (
    <QueryState query={query}>
      {(c) => {
        const terminated = Boolean(c.terminatedAt) || c.status === "terminated";
        return (
          <>
            <PageHeader
              title={c.name}
              help="clients-and-users"
              subtitle={
                <Anchor component={Link} href="/clients" size="sm">
                  ← Clients
                </Anchor>
              }
              actions={
                <>
                  {canTerminate && !terminated && (
                    <Button type="button" variant="default" color="red" onClick={() => setTerminating(true)}>
                      Terminate client
                    </Button>
                  )}
                  <Button component={Link} href={`/c/${c.slug}`}>
                    Open client view
                  </Button>
                </>
              }
            />
            <ProblemAlert error={cancel.error} onClose={() => cancel.reset()} />
            {terminated && (
              <Alert color="orange" variant="light" mb="md" title="This client is terminated">
                <Stack gap="xs">
                  <Text size="sm">
                    Its data is kept until{" "}
                    {c.purgeAfter ? formatDate(c.purgeAfter) : "90 days after termination"}, then purged.
                    Until then the termination can be cancelled.
                  </Text>
                  {canTerminate && (
                    <Button
                      type="button"
                      size="xs"
                      variant="light"
                      color="orange"
                      w="fit-content"
                      loading={cancel.isPending}
                      onClick={() => cancel.mutate()}
                    >
                      Cancel termination
                    </Button>
                  )}
                </Stack>
              </Alert>
            )}
            {setupUnfinished(c) && !terminated && (
              <Alert color="blue" variant="light" mb="md">
                Setup of this client is not finished.{" "}
                <Anchor component={Link} href={`/clients/new?client=${c.slug}`}>
                  Continue setup
                </Anchor>
              </Alert>
            )}
            <Paper withBorder radius="md" p="md" maw={900}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
                <Item label="Status">
                  <StatusBadge status={c.status} />
                </Item>
                <Item label="Added">{formatDate(c.createdAt.slice(0, 10))}</Item>
                <Item label="Short name">{c.slug}</Item>
                <Item label="Point of contact">{contactName(c.pointOfContact)}</Item>
                <Item label="Bank-statement contact">{contactName(c.bankStatementContact)}</Item>
                {c.notes !== undefined && <Item label="Internal notes">{c.notes || "—"}</Item>}
                {DETAIL_FIELDS.map((f) => {
                  const v = (c as unknown as Record<string, unknown>)[f.key];
                  const shown =
                    v === null || v === undefined || v === ""
                      ? "—"
                      : f.kind === "date"
                        ? formatDate(String(v))
                        : (f.options?.find((o) => o.value === v)?.label ?? String(v));
                  return (
                    <Item key={f.key} label={f.label}>
                      {shown}
                    </Item>
                  );
                })}
              </SimpleGrid>
            </Paper>
            <TerminateClientModal client={c} opened={terminating} onClose={() => setTerminating(false)} />
          </>
        );
      }}
    </QueryState>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}
