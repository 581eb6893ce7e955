// The client's month as its services plan it, on the Close Tracker's month page: the close
// checklist with the preparer's and the reviewer's sign-offs (taken back with a reason), and the
// required information with its arrivals (tick by hand, or ask the client for what is missing).
import { useState } from "react";
import { Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { servicesApi, type MonthChecklist as View, type SignRole } from "../../api/services.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useCan } from "../../app/session.tsx";

const VIA = {
  document: "document",
  statement_import: "statement import",
  payroll_import: "payroll import",
  manual: "ticked",
} as const;

export function MonthChecklist({ client, month }: { client: string; month: string }) {
  const qc = useQueryClient();
  const can = useCan();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const view = useQuery({
    queryKey: ["close-checklist", client, month],
    queryFn: () => servicesApi.checklist(client, month),
  });
  const act = useMutation({
    mutationFn: (run: () => Promise<View>) => run(),
    onSuccess: (v) => {
      setError(null);
      setReason("");
      qc.setQueryData(["close-checklist", client, month], v);
      void qc.invalidateQueries({ queryKey: ["close-month", client, month] });
    },
    onError: setError,
  });
  const v = view.data;
  if (!v) return view.error ? <ProblemAlert error={view.error} title="Could not load the checklist" /> : null;
  const edit = can("close.manage") && !v.closed;
  const sign = (key: string, role: SignRole) => act.mutate(() => servicesApi.sign(client, month, key, role));
  const unsign = (key: string, role: SignRole) =>
    act.mutate(() => servicesApi.unsign(client, month, key, role, reason.trim()));
  const signer = (key: string, role: SignRole, by: string | null, at: string | null, ready: boolean) =>
    by ? (
      <Group gap={4}>
        <Text size="xs">
          {by} · {at ? new Date(at).toLocaleDateString() : ""}
        </Text>
        {edit && (
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={!reason.trim()}
            onClick={() => unsign(key, role)}
          >
            Un-sign
          </Button>
        )}
      </Group>
    ) : edit && ready ? (
      <Button size="compact-xs" variant="light" onClick={() => sign(key, role)}>
        Sign as {role}
      </Button>
    ) : (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  if (!v.services.length)
    return (
      <Text size="sm" c="dimmed">
        No services are on for this client in {month}: switch them on in the client&apos;s Services.
      </Text>
    );
  return (
    <Stack gap="xs" aria-label="Close checklist">
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <Group justify="space-between">
        <Text fw={600}>Close checklist</Text>
        <Badge variant="light" color={v.signed.reviewed === v.signed.total ? "green" : "gray"}>
          {v.signed.prepared}/{v.signed.total} prepared · {v.signed.reviewed}/{v.signed.total} reviewed
        </Badge>
      </Group>
      <Table fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Preparer</Table.Th>
            <Table.Th>Reviewer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.checklist.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Td>
                {c.text}
                <Text size="xs" c="dimmed">
                  {c.serviceName}
                </Text>
              </Table.Td>
              <Table.Td>{signer(c.key, "preparer", c.preparedBy, c.preparedAt, true)}</Table.Td>
              <Table.Td>{signer(c.key, "reviewer", c.reviewedBy, c.reviewedAt, !!c.preparedBy)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {edit && (
        <TextInput
          size="xs"
          label="Reason (to take a sign-off back)"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={2000}
        />
      )}
      <Group justify="space-between" mt="sm">
        <Text fw={600}>Required information</Text>
        {edit && v.missingInfo > 0 && (
          <Button
            size="xs"
            variant="default"
            onClick={() => act.mutate(() => servicesApi.request(client, month))}
          >
            Ask the client for what is missing
          </Button>
        )}
      </Group>
      {v.requiredInfo.length === 0 ? (
        <Text size="sm" c="dimmed">
          The client&apos;s services need no information this month.
        </Text>
      ) : (
        <Stack gap={4} aria-label="Required information">
          {v.requiredInfo.map((r) => (
            <Checkbox
              key={r.key}
              checked={r.received}
              disabled={!edit}
              label={r.name}
              description={
                r.received
                  ? `Received ${r.receivedOn} (${r.receivedVia ? VIA[r.receivedVia] : ""}${r.receivedBy ? `, ${r.receivedBy}` : ""})`
                  : r.requestTaskId
                    ? "Asked of the client"
                    : "Missing"
              }
              onChange={() =>
                act.mutate(() =>
                  r.received
                    ? servicesApi.untick(client, month, r.key)
                    : servicesApi.tick(client, month, r.key),
                )
              }
            />
          ))}
          {v.informationCompleteOn && (
            <Text size="xs" c="dimmed">
              All in on {v.informationCompleteOn}
              {v.cutOffDay ? ` (cut-off: day ${v.cutOffDay} of the month after)` : ""}.
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
