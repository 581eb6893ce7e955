// The comments on one object: the thread (text shown as text, never as markup), a box to write
// with @mention autocomplete and the visibility choice, edit and delete of one's own comments, and
// each comment's history. Mounted in the task drawer, the transaction comments drawer and others.
import { useState } from "react";
import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Timeline,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commsApi, type Comment, type Mentionable, type Visibility } from "../../api/comms.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { isClientSide, useSession } from "../../app/session.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { MentionInput } from "./MentionInput.tsx";

const VISIBILITY_LABEL: Record<Visibility, string> = { firm: "Firm only", client: "Firm and client" };

function History({ client, id }: { client: string; id: string }) {
  const history = useQuery({
    queryKey: ["comment-history", client, id],
    queryFn: () => commsApi.history(client, id),
  });
  return (
    <QueryState query={history}>
      {(versions) => (
        <Timeline bulletSize={8} lineWidth={1} aria-label="Comment history">
          {versions.map((v) => (
            <Timeline.Item key={v.version}>
              <Text size="xs" c="dimmed">
                {v.by.name} {v.action} it · {formatDateTime(v.at)} · {VISIBILITY_LABEL[v.visibility]}
              </Text>
              {v.action !== "deleted" && (
                <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                  {v.body}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </QueryState>
  );
}

function CommentItem({
  client,
  c,
  people,
  onChanged,
}: {
  client: string;
  c: Comment;
  people: readonly Mentionable[];
  onChanged: (warnings: string[]) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [mentions, setMentions] = useState<string[]>([]);
  const edit = useMutation({
    mutationFn: () => commsApi.edit(client, c.id, { body: editing ?? "", mentions }),
    onSuccess: (r) => {
      setEditing(null);
      onChanged(r.warnings);
    },
  });
  const remove = useMutation({
    mutationFn: () => commsApi.remove(client, c.id),
    onSuccess: () => onChanged([]),
  });
  return (
    <Paper withBorder radius="sm" p="xs" aria-label={`Comment by ${c.author.name}`}>
      <Group justify="space-between" gap={4}>
        <Text size="xs" fw={600}>
          {c.author.name}{" "}
          <Text span size="xs" c="dimmed" fw={400}>
            {formatDateTime(c.createdAt)}
            {c.editedAt && !c.deleted ? " · edited" : ""}
          </Text>
        </Text>
        <Badge size="xs" variant="light" color={c.visibility === "firm" ? "gray" : "blue"} tt="none">
          {VISIBILITY_LABEL[c.visibility]}
        </Badge>
      </Group>
      {c.deleted ? (
        <Text size="sm" c="dimmed" fs="italic">
          Comment deleted.
        </Text>
      ) : editing !== null ? (
        <Stack gap={4} mt={4}>
          <MentionInput
            label="Edit comment"
            value={editing}
            onChange={setEditing}
            people={people}
            onMention={(p) => setMentions((m) => [...m, p.id])}
          />
          <ProblemAlert error={edit.error} />
          <Group gap="xs">
            <Button
              size="xs"
              onClick={() => edit.mutate()}
              loading={edit.isPending}
              disabled={!editing.trim()}
            >
              Save
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : (
        // Plain text: React escapes it, so markup in a comment shows as the characters typed.
        <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {c.body}
        </Text>
      )}
      {c.attachments.length > 0 && !c.deleted && (
        <Text size="xs" c="dimmed" mt={4}>
          {c.attachments.length} document{c.attachments.length === 1 ? "" : "s"} attached
        </Text>
      )}
      <Group gap={4} mt={4}>
        {c.mine && !c.deleted && editing === null && (
          <>
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c.body)}>
              Edit
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate()}
            >
              Delete
            </Button>
          </>
        )}
        {(c.version > 1 || c.mine) && (
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setShowHistory((s) => !s)}>
            {showHistory ? "Hide history" : "History"}
          </Button>
        )}
      </Group>
      <ProblemAlert error={remove.error} />
      {showHistory && <History client={client} id={c.id} />}
    </Paper>
  );
}

export function CommentThread({ client, object }: { client: string; object: string }) {
  const session = useSession();
  const clientSide = isClientSide(session);
  const qc = useQueryClient();
  const [visibility, setVisibility] = useState<Visibility>(clientSide ? "client" : "firm");
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const thread = useQuery({
    queryKey: ["comments", client, object],
    queryFn: () => commsApi.thread(client, object),
  });
  const people = useQuery({
    queryKey: ["comment-people", client, visibility],
    queryFn: () => commsApi.people(client, visibility),
  });
  const refresh = (w: string[]) => {
    setWarnings(w);
    void qc.invalidateQueries({ queryKey: ["comments", client, object] });
    void qc.invalidateQueries({ queryKey: ["comment-history", client] });
  };
  const post = useMutation({
    mutationFn: () => commsApi.create(client, { object, body, visibility, mentions }),
    onSuccess: (r) => {
      setBody("");
      setMentions([]);
      refresh(r.warnings);
    },
  });
  return (
    <Stack gap="xs" aria-label="Comments">
      <Divider label="Comments" labelPosition="left" />
      <QueryState query={thread}>
        {(comments) => (
          <Stack gap={6}>
            {comments.length === 0 && (
              <Text size="sm" c="dimmed">
                No comments yet.
              </Text>
            )}
            {comments.map((c) => (
              <CommentItem key={c.id} client={client} c={c} people={people.data ?? []} onChanged={refresh} />
            ))}
          </Stack>
        )}
      </QueryState>
      {warnings.length > 0 && (
        <Alert color="yellow" variant="light" title="Not everyone was notified" role="status">
          {warnings.map((w) => (
            <Text size="sm" key={w}>
              {w}
            </Text>
          ))}
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) post.mutate();
        }}
      >
        <Stack gap={6}>
          <MentionInput
            label="New comment"
            value={body}
            onChange={setBody}
            people={people.data ?? []}
            onMention={(p) => setMentions((m) => (m.includes(p.id) ? m : [...m, p.id]))}
          />
          <Group justify="space-between">
            {clientSide ? (
              <Text size="xs" c="dimmed">
                Seen by you, your colleagues and your accounting firm.
              </Text>
            ) : (
              <SegmentedControl
                size="xs"
                aria-label="Who sees the comment"
                value={visibility}
                onChange={(v) => setVisibility(v as Visibility)}
                data={[
                  { value: "firm", label: VISIBILITY_LABEL.firm },
                  { value: "client", label: VISIBILITY_LABEL.client },
                ]}
              />
            )}
            <Button size="xs" type="submit" loading={post.isPending} disabled={!body.trim()}>
              Comment
            </Button>
          </Group>
          <ProblemAlert error={post.error} />
        </Stack>
      </form>
    </Stack>
  );
}
