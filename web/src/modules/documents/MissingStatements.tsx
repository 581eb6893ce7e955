// The bank statements a client still owes, per account and month (the Documents page and the
// client's home): each month links to its upload request, or — for the firm — has a button that
// asks the client for it (a task for the client, landing in Bank statements / <account> / <year>).
import { Alert, Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { documentsApi } from "../../api/documents.ts";
import { statementKeyOf, taskFilesApi } from "../../api/task-files.ts";
import { STATUS_LABELS, workApi } from "../../api/work.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { isClientSide, useSession } from "../../app/session.tsx";
import { Link } from "../../router/router.tsx";
import { monthLabel } from "./format.ts";

export function MissingStatements({
  client,
  onAccount,
}: {
  client: string;
  onAccount?: (folderId: string) => void;
}) {
  const session = useSession();
  const firmSide = !isClientSide(session);
  const qc = useQueryClient();
  const missing = useQuery({
    queryKey: ["missing-statements", client],
    queryFn: () => documentsApi.missing(client),
  });
  const requests = useQuery({
    queryKey: ["tasks", "statement-requests", client],
    queryFn: () =>
      workApi.list({
        client,
        assignee: "any",
        type: "document_upload_request",
        status: "to_do,in_progress,done,rejected",
        pageSize: 200,
      }),
  });
  const request = useMutation({
    mutationFn: (m: { accountId: string; month: string }) =>
      taskFilesApi.requestStatement(client, m.accountId, m.month),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["tasks"] }),
  });
  const accounts = (missing.data ?? []).filter((a) => a.missing.length > 0);
  if (accounts.length === 0) return null;
  const taskOf = new Map(
    (requests.data?.tasks ?? []).flatMap((t) => {
      const k = statementKeyOf(t.systemKey);
      return k ? [[`${k.accountId}:${k.month}`, t] as const] : [];
    }),
  );
  return (
    <Alert
      color="yellow"
      variant="light"
      mb="md"
      title="Missing bank statements"
      data-testid="missing-statements"
    >
      <Stack gap={6}>
        {accounts.map((a) => (
          <Group key={a.accountId} gap={6} align="center" wrap="wrap">
            {onAccount ? (
              <Anchor
                component="button"
                size="sm"
                fw={500}
                onClick={() => onAccount(a.yearFolders[a.missing.at(-1)!.slice(0, 4)] ?? a.folderId ?? "")}
              >
                {a.accountName}
              </Anchor>
            ) : (
              <Text size="sm" fw={500}>
                {a.accountName}
              </Text>
            )}
            <Text size="sm">:</Text>
            {a.missing.map((month) => {
              const task = taskOf.get(`${a.accountId}:${month}`);
              const label = monthLabel(month);
              if (task)
                return (
                  <Anchor
                    key={month}
                    component={Link}
                    href={`/c/${client}/work?task=${task.id}`}
                    size="sm"
                    aria-label={`${label} statement request`}
                  >
                    <Badge
                      variant="light"
                      color={task.status === "done" ? "green" : "blue"}
                      style={{ cursor: "pointer" }}
                    >
                      {label}: {STATUS_LABELS[task.status].toLowerCase()}
                    </Badge>
                  </Anchor>
                );
              return firmSide ? (
                <Button
                  key={month}
                  size="compact-xs"
                  variant="default"
                  aria-label={`Request the ${label} statement of ${a.accountName}`}
                  loading={
                    request.isPending &&
                    request.variables?.month === month &&
                    request.variables.accountId === a.accountId
                  }
                  onClick={() => request.mutate({ accountId: a.accountId, month })}
                >
                  {label}: request
                </Button>
              ) : (
                <Badge key={month} variant="outline" color="gray">
                  {label}
                </Badge>
              );
            })}
          </Group>
        ))}
        {request.error && <ProblemAlert error={request.error} title="Could not request the statement" />}
      </Stack>
    </Alert>
  );
}
