// A client's month in the Close Tracker: status and due dates, the live blockers (each a link to
// where it is fixed), the timeline, and the actions: in progress / ready for review, close (with an
// override reason when something still blocks), reopen (Partner Admins, with a reason), and the
// report package's delivery to the client's contacts (with "Send again" after a failure).
import { useState } from "react";
import { Anchor, Badge, Button, Group, List, Stack, Text, Textarea, Timeline } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { closeApi, type CloseMonth } from "../../api/close.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Link } from "../../router/router.tsx";
import { useCan } from "../../app/session.tsx";
import { STATUS } from "./CloseBoardPage.tsx";
import { MonthChecklist } from "./MonthChecklist.tsx";
import { PackageDelivery } from "./PackageDelivery.tsx";

/** "to a@x.test (<id@closebook>), …" of a package_sent event's detail. */
function sentTo(detail: unknown): string {
  const list = (detail as { recipients?: Array<{ email: string; messageId: string }> }).recipients ?? [];
  return `to ${list.map((r) => `${r.email} (${r.messageId})`).join(", ")}`;
}

export function CloseMonthPage({ client, month }: { client: string; month: string }) {
  const qc = useQueryClient();
  const can = useCan();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const view = useQuery({
    queryKey: ["close-month", client, month],
    queryFn: () => closeApi.month(client, month),
  });
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => {
      setReason("");
      setError(null);
      void qc.invalidateQueries({ queryKey: ["close-month", client, month] });
      void qc.invalidateQueries({ queryKey: ["close-board"] });
    },
    onError: setError,
  });
  const body = (m: CloseMonth) => {
    const s = STATUS[m.status]!;
    const closed = m.status === "closed";
    return (
      <Stack>
        <Group>
          <Badge color={s.color} size="lg" variant="light">
            {s.label}
          </Badge>
          <Text size="sm" c={m.overdue ? "red" : undefined}>
            Due {m.dueDate} · information due {m.informationDueDate}
            {m.informationLateDays ? ` (came ${m.informationLateDays} business days late)` : ""} ·{" "}
            {m.closeMode} close
          </Text>
        </Group>
        <Stack gap={4} aria-label="Blockers">
          <Text fw={600}>Blockers</Text>
          {m.blockers.length === 0 ? (
            <Text c="dimmed" size="sm">
              Nothing blocks this month.
            </Text>
          ) : (
            <List size="sm">
              {m.blockers.map((b) => (
                <List.Item key={b.kind}>
                  <Anchor component={Link} href={b.link}>
                    {b.detail}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        <MonthChecklist client={client} month={month} />
        <ProblemAlert error={error} onClose={() => setError(null)} />
        <PackageDelivery
          client={client}
          view={m}
          canSend={can("close.manage")}
          sending={act.isPending}
          onSend={() => act.mutate(() => closeApi.sendPackage(client, month))}
        />
        {!closed && can("close.manage") && (
          <Stack gap="xs">
            <Group>
              <Button
                variant="default"
                onClick={() => act.mutate(() => closeApi.update(client, month, { status: "in_progress" }))}
              >
                In progress
              </Button>
              <Button
                variant="default"
                onClick={() =>
                  act.mutate(() => closeApi.update(client, month, { status: "ready_for_review" }))
                }
              >
                Ready for review
              </Button>
            </Group>
            {m.blockers.length > 0 && (
              <Textarea
                label="Override reason (closing with blockers)"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                maxLength={2000}
              />
            )}
            <Group>
              <Button
                loading={act.isPending}
                disabled={m.blockers.length > 0 && !reason.trim()}
                onClick={() => act.mutate(() => closeApi.close(client, month, reason.trim() || undefined))}
              >
                Close {month}
              </Button>
            </Group>
          </Stack>
        )}
        {closed && can("close.reopen") && (
          <Stack gap="xs">
            <Textarea
              label="Why reopen?"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={2000}
            />
            <Group>
              <Button
                color="orange"
                disabled={!reason.trim()}
                onClick={() => act.mutate(() => closeApi.reopen(client, month, reason.trim()))}
              >
                Reopen {month}
              </Button>
            </Group>
          </Stack>
        )}
        <Text fw={600}>Timeline</Text>
        {m.timeline.length === 0 ? (
          <Text c="dimmed" size="sm">
            Nothing yet.
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2}>
            {m.timeline.map((e, i) => (
              <Timeline.Item
                key={i}
                title={`${e.action}${e.status ? `: ${STATUS[e.status]?.label ?? e.status}` : ""}`}
              >
                <Text size="xs" c="dimmed">
                  {e.by} · {new Date(e.at).toLocaleString()}
                </Text>
                {e.reason && <Text size="sm">{e.reason}</Text>}
                {e.action === "package_sent" && <Text size="sm">{sentTo(e.detail)}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    );
  };
  return (
    <Stack>
      <PageHeader
        title={`Close ${month}`}
        help="close-tracker"
        subtitle={
          <Anchor component={Link} href="/close">
            Close Tracker
          </Anchor>
        }
      />
      <QueryState query={view}>{body}</QueryState>
    </Stack>
  );
}
