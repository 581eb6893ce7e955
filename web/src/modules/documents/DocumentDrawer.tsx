// One document: its preview (PDFs and images, from the download route shown inline), its versions
// to download, its history (who uploaded, viewed, downloaded, changed it) and its comments.
import { Anchor, Drawer, Image, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { contentUrl, documentsApi } from "../../api/documents.ts";
import { QueryState } from "../../components/QueryState.tsx";
import { CommentThread } from "../comms/CommentThread.tsx";
import { formatBytes, formatWhen } from "./format.ts";

export function DocumentDrawer({
  client,
  id,
  onClose,
}: {
  client: string;
  id: string | null;
  onClose: () => void;
}) {
  const doc = useQuery({
    queryKey: ["document", client, id],
    queryFn: () => documentsApi.document(client, id!),
    enabled: Boolean(id),
  });
  const history = useQuery({
    queryKey: ["document-history", client, id],
    queryFn: () => documentsApi.history(client, id!),
    enabled: Boolean(id),
  });
  return (
    <Drawer
      opened={Boolean(id)}
      onClose={onClose}
      position="right"
      size="xl"
      title={doc.data?.name ?? "Document"}
      closeButtonProps={{ "aria-label": "Close the document" }}
    >
      {id && (
        <QueryState query={doc}>
          {(d) => (
            <Stack>
              {d.preview &&
                (d.kind === "pdf" ? (
                  <iframe
                    title={`Preview of ${d.name}`}
                    src={contentUrl(client, d.id, { inline: true })}
                    style={{ width: "100%", height: 480, border: "1px solid var(--mantine-color-gray-3)" }}
                  />
                ) : (
                  <Image
                    src={contentUrl(client, d.id, { inline: true })}
                    alt={d.name}
                    mah={480}
                    fit="contain"
                  />
                ))}
              <Title order={5}>Versions</Title>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Version</Table.Th>
                    <Table.Th>File</Table.Th>
                    <Table.Th>Size</Table.Th>
                    <Table.Th>Uploaded</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(d.versions ?? []).map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>
                        <Anchor href={contentUrl(client, d.id, { version: v.version })}>v{v.version}</Anchor>
                      </Table.Td>
                      <Table.Td>{v.fileName}</Table.Td>
                      <Table.Td>{formatBytes(v.size)}</Table.Td>
                      <Table.Td>{formatWhen(v.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Title order={5}>History</Title>
              <QueryState query={history}>
                {(h) => (
                  <Stack gap={2}>
                    {h.map((e, i) => (
                      <Text key={i} size="sm">
                        {formatWhen(e.occurredAt)} —{" "}
                        {e.action.replace("documents.document.", "").replace("_", " ")}
                        {e.actorId
                          ? ` by ${e.actorId === "system" ? "Closebook" : e.actorId.slice(0, 8)}`
                          : ""}
                      </Text>
                    ))}
                  </Stack>
                )}
              </QueryState>
              <Title order={5}>Comments</Title>
              <CommentThread client={client} object={`document:${d.id}`} />
            </Stack>
          )}
        </QueryState>
      )}
    </Drawer>
  );
}
