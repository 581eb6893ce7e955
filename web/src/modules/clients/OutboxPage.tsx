// The outbox (trial mode, Partner Admins): the e-mails and text messages Closebook would have
// sent while no mail server is configured — invitations, codes, resets.
import { Alert, Badge, Paper, Spoiler, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { firmApi } from "../../api/users.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTime } from "../../lib/dates.ts";

export function OutboxPage() {
  const query = useQuery({
    queryKey: ["outbox"],
    queryFn: () => firmApi.outbox(100),
    refetchInterval: 15_000,
  });
  return (
    <>
      <PageHeader
        title="Outbox"
        help="clients-and-users"
        subtitle="Messages kept here because no mail server is configured (trial mode)."
      />
      <QueryState query={query}>
        {(data) =>
          !data.enabled ? (
            <Alert color="gray" variant="light">
              A mail server is configured: messages are sent, not kept here.
            </Alert>
          ) : data.messages.length === 0 ? (
            <Text c="dimmed">No messages yet.</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table verticalSpacing={6} fz="sm" aria-label="Outbox">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={170}>When</Table.Th>
                    <Table.Th w={80}>Channel</Table.Th>
                    <Table.Th w={220}>To</Table.Th>
                    <Table.Th>Message</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.messages.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" tt="none">
                          {m.channel === "email" ? "E-mail" : "SMS"}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{m.to}</Table.Td>
                      <Table.Td>
                        {m.subject && (
                          <Text size="sm" fw={600}>
                            {m.subject}
                          </Text>
                        )}
                        <Spoiler maxHeight={44} showLabel="Show all" hideLabel="Hide">
                          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                            {m.text}
                          </Text>
                        </Spoiler>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </QueryState>
    </>
  );
}
