// A client's documents: the folder tree, the chosen folder's documents (upload by button or by
// dropping files, with progress; a zip uploads a whole folder), preview, versions and history in a
// drawer, rename, delete and the trash with restore, and the bank statements still missing.
import { useState, type DragEvent } from "react";
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  FileButton,
  Grid,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import {
  IconDownload,
  IconFileZip,
  IconFolderPlus,
  IconPencil,
  IconRestore,
  IconTrash,
  IconUpload,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { contentUrl, documentsApi, type DocumentItem, type Folder } from "../../api/documents.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useLinkedItem } from "../../router/linked-item.ts";
import { DocumentDrawer } from "./DocumentDrawer.tsx";
import { FolderTree } from "./FolderTree.tsx";
import { MissingStatements } from "./MissingStatements.tsx";
import { formatBytes, formatWhen, monthLabel } from "./format.ts";

export function DocumentsPage({ client }: { client: string }) {
  const qc = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<"folder" | "trash">("folder");
  // A link may name the document to open ("?document=…", from a notification about its comments).
  const [open, setOpen] = useLinkedItem("document");
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [newFolder, setNewFolder] = useState("");
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const folders = useQuery({ queryKey: ["folders", client], queryFn: () => documentsApi.folders(client) });
  const folderId = selected ?? folders.data?.find((f) => f.standard === "bank-statements")?.id ?? null;
  const docs = useQuery({
    queryKey: ["documents", client, view, folderId],
    queryFn: () => documentsApi.documents(client, view === "trash" ? { trash: true } : { folder: folderId! }),
    enabled: view === "trash" || Boolean(folderId),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ["documents", client] });
    void qc.invalidateQueries({ queryKey: ["folders", client] });
    void qc.invalidateQueries({ queryKey: ["missing-statements", client] });
  };

  async function uploadFiles(files: File[]) {
    if (!folderId || files.length === 0) return;
    setError(null);
    try {
      for (const file of files) {
        setProgress({ name: file.name, fraction: 0 });
        const onProgress = (fraction: number) => setProgress({ name: file.name, fraction });
        if (/\.zip$/i.test(file.name)) await documentsApi.uploadArchive(client, folderId, file, onProgress);
        else await documentsApi.upload(client, folderId, file, onProgress);
      }
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
      refresh();
    }
  }

  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: refresh,
    onError: setError,
  });

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void uploadFiles([...e.dataTransfer.files]);
  };
  const current = folders.data?.find((f) => f.id === folderId);

  return (
    <>
      <PageHeader
        title="Documents"
        help="documents"
        actions={
          <Group>
            <FileButton onChange={(files) => void uploadFiles(files)} multiple>
              {(props) => (
                <Button
                  {...props}
                  leftSection={<IconUpload size={16} />}
                  disabled={!folderId || view === "trash"}
                >
                  Upload files
                </Button>
              )}
            </FileButton>
            <FileButton onChange={(file) => file && void uploadFiles([file])} accept=".zip,application/zip">
              {(props) => (
                <Button
                  {...props}
                  variant="default"
                  leftSection={<IconFileZip size={16} />}
                  disabled={!folderId || view === "trash"}
                >
                  Upload a folder (.zip)
                </Button>
              )}
            </FileButton>
          </Group>
        }
      />
      <MissingStatements
        client={client}
        onAccount={(id) => {
          setView("folder");
          setSelected(id || null);
        }}
      />
      <ProblemAlert error={error} onClose={() => setError(null)} />
      {progress && (
        <Paper withBorder p="sm" mb="md" aria-live="polite">
          <Text size="sm">Uploading {progress.name}…</Text>
          <Progress value={progress.fraction * 100} aria-label={`Upload of ${progress.name}`} />
        </Paper>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder p="xs">
            <SegmentedControl
              fullWidth
              size="xs"
              mb="xs"
              value={view}
              onChange={(v) => setView(v as "folder" | "trash")}
              data={[
                { label: "Folders", value: "folder" },
                { label: "Trash", value: "trash" },
              ]}
            />
            <QueryState query={folders}>
              {(list) => (
                <>
                  <FolderTree
                    folders={list}
                    selected={folderId}
                    onSelect={(id) => {
                      setView("folder");
                      setSelected(id);
                    }}
                  />
                  <Group gap={4} mt="xs" wrap="nowrap">
                    <TextInput
                      size="xs"
                      placeholder="New folder"
                      value={newFolder}
                      onChange={(e) => setNewFolder(e.currentTarget.value)}
                      aria-label="New folder name"
                    />
                    <Tooltip label={`Make it inside ${current?.name ?? "the top"}`}>
                      <ActionIcon
                        variant="default"
                        aria-label="Make folder"
                        disabled={!newFolder.trim()}
                        onClick={() =>
                          act.mutate(async () => {
                            await documentsApi.createFolder(client, {
                              name: newFolder.trim(),
                              parentId: folderId,
                            });
                            setNewFolder("");
                          })
                        }
                      >
                        <IconFolderPlus size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </>
              )}
            </QueryState>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Paper
            withBorder
            p="xs"
            onDragOver={(e) => e.preventDefault()}
            onDrop={onDrop}
            data-testid="drop-zone"
            style={{ minHeight: 240 }}
          >
            <Text size="sm" c="dimmed" mb="xs">
              {view === "trash"
                ? "Deleted documents wait here 30 days before they are purged."
                : `${current?.name ?? ""} — drop files here to upload them into this folder.`}
            </Text>
            <QueryState query={docs} isEmpty={(d) => d.length === 0} empty="No documents here yet.">
              {(list) => (
                <DocumentTable
                  client={client}
                  documents={list}
                  trash={view === "trash"}
                  folders={folders.data ?? []}
                  onOpen={setOpen}
                  renaming={renaming}
                  setRenaming={setRenaming}
                  run={(fn) => act.mutate(fn)}
                />
              )}
            </QueryState>
          </Paper>
        </Grid.Col>
      </Grid>
      <DocumentDrawer client={client} id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function DocumentTable({
  client,
  documents,
  trash,
  folders,
  onOpen,
  renaming,
  setRenaming,
  run,
}: {
  client: string;
  documents: DocumentItem[];
  trash: boolean;
  folders: Folder[];
  onOpen: (id: string) => void;
  renaming: { id: string; name: string } | null;
  setRenaming: (r: { id: string; name: string } | null) => void;
  run: (fn: () => Promise<unknown>) => void;
}) {
  const folderName = new Map(folders.map((f) => [f.id, f.name]));
  return (
    <Table highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>{trash ? "Purged after" : "Updated"}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {documents.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              {renaming?.id === d.id ? (
                <TextInput
                  size="xs"
                  value={renaming.name}
                  autoFocus
                  aria-label="New name"
                  onChange={(e) => setRenaming({ id: d.id, name: e.currentTarget.value })}
                  onKeyDown={(e) => {
                    if (e.key === "Escape") setRenaming(null);
                    if (e.key === "Enter") {
                      run(() => documentsApi.change(client, d.id, { name: renaming.name }));
                      setRenaming(null);
                    }
                  }}
                />
              ) : (
                <Anchor component="button" onClick={() => onOpen(d.id)}>
                  {d.name}
                </Anchor>
              )}
              {d.version > 1 && (
                <Badge size="xs" variant="light" ml={6}>
                  v{d.version}
                </Badge>
              )}
              {d.period && (
                <Badge size="xs" variant="outline" ml={6}>
                  {monthLabel(d.period)}
                </Badge>
              )}
              {trash && (
                <Text size="xs" c="dimmed">
                  in {folderName.get(d.folderId) ?? "a folder"}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{d.kind.toUpperCase()}</Table.Td>
            <Table.Td>{formatBytes(d.size)}</Table.Td>
            <Table.Td>{formatWhen(trash ? (d.purgeAfter ?? d.updatedAt) : d.updatedAt)}</Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {trash ? (
                  <Tooltip label="Restore">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Restore ${d.name}`}
                      onClick={() => run(() => documentsApi.restore(client, d.id))}
                    >
                      <IconRestore size={16} />
                    </ActionIcon>
                  </Tooltip>
                ) : (
                  <>
                    <Tooltip label="Download">
                      <ActionIcon
                        component="a"
                        href={contentUrl(client, d.id)}
                        variant="subtle"
                        aria-label={`Download ${d.name}`}
                      >
                        <IconDownload size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Rename">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Rename ${d.name}`}
                        onClick={() => setRenaming({ id: d.id, name: d.name })}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete (to the trash)">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${d.name}`}
                        onClick={() => run(() => documentsApi.trash(client, d.id))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
