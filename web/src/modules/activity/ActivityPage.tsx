// The Activity Hub: what happened in the firm (or one client), newest first, each item a sentence
// that links to its object; filters by client, kind, person, days and unread; "Load more" pages
// back by cursor; "Mark all as read" moves the reader's marker to now. Opening the reader's whole
// feed marks what it shows first as seen (the navigation's count clears; the items keep their
// "New" until the next visit).
import { useEffect, useRef, useState } from "react";
import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconChecks } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { activityApi, KIND_LABELS, type ActivityFilter, type ActivityItem } from "../../api/activity.ts";
import { clientsApi } from "../../api/clients.ts";
import { usersApi } from "../../api/users.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { isClientSide, useSession } from "../../app/session.tsx";
import { Link } from "../../router/router.tsx";
import { UNREAD_KEY } from "./UnreadBadge.tsx";

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

function Item({ item }: { item: ActivityItem }) {
  return (
    <Paper withBorder p="sm" aria-label={`Activity: ${item.sentence}`} data-unread={item.unread || undefined}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            {item.unread && (
              <Badge size="xs" color="blue" variant="filled">
                New
              </Badge>
            )}
            <Badge size="xs" variant="light" color="gray">
              {KIND_LABELS[item.kind]}
            </Badge>
            {item.link ? (
              <Anchor component={Link} href={item.link} size="sm" fw={item.unread ? 600 : 400}>
                {item.sentence}
              </Anchor>
            ) : (
              <Text size="sm" fw={item.unread ? 600 : 400}>
                {item.sentence}
              </Text>
            )}
          </Group>
        </Stack>
        <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {when(item.at)}
        </Text>
      </Group>
    </Paper>
  );
}

export function ActivityPage({ client }: { client?: string }) {
  const session = useSession();
  const firmSide = !isClientSide(session);
  const qc = useQueryClient();
  const [chosenClient, setClient] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [person, setPerson] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [unread, setUnread] = useState(false);
  const filter: ActivityFilter = { client: client ?? chosenClient, kind, person, from, to, unread };
  const feed = useInfiniteQuery({
    queryKey: ["activity", filter],
    queryFn: ({ pageParam }) => activityApi.page(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const clients = useQuery({
    queryKey: ["clients"],
    queryFn: clientsApi.list,
    enabled: !client,
    staleTime: 60_000,
  });
  const people = useQuery({
    queryKey: ["users"],
    queryFn: () => usersApi.list(),
    enabled: firmSide,
    staleTime: 60_000,
  });
  const seen = useMutation({
    mutationFn: () => activityApi.markSeen(),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["activity"] }),
  });
  // The reader's whole feed is the global view's, or a client user's only client's: opening it
  // (no filter chosen yet) moves the marker up to its newest item, once per visit, and only the
  // count is refreshed.
  const wholeFeed =
    (!client || (session.me.side === "client" && session.me.clients.length === 1)) &&
    !chosenClient &&
    !kind &&
    !person &&
    !from &&
    !to &&
    !unread;
  const newest = feed.data?.pages[0]?.items[0]?.id;
  const marked = useRef(false);
  const { mutate: seeUpTo } = useMutation({
    mutationFn: (upTo: string) => activityApi.markSeen(upTo),
    onSuccess: () => void qc.invalidateQueries({ queryKey: UNREAD_KEY }),
  });
  useEffect(() => {
    if (!wholeFeed || marked.current || session.mode !== "user" || newest === undefined) return;
    marked.current = true;
    seeUpTo(newest);
  }, [wholeFeed, newest, session.mode, seeUpTo]);
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  const kinds = Object.entries(KIND_LABELS).filter(([k]) => firmSide || !["sign_in", "security"].includes(k));

  return (
    <>
      <PageHeader
        title="Activity"
        help="activity-hub"
        subtitle={
          client ? "What happened for this client, newest first" : "What happened in the firm, newest first"
        }
        actions={
          <Button
            size="xs"
            variant="light"
            leftSection={<IconChecks size={16} />}
            loading={seen.isPending}
            onClick={() => seen.mutate()}
          >
            Mark all as read
          </Button>
        }
      />
      <Group gap="sm" mb="md" align="flex-end">
        {!client && (
          <Select
            size="xs"
            w={200}
            label="Client"
            placeholder="All clients"
            clearable
            searchable
            data={(clients.data ?? []).map((c) => ({ value: c.slug, label: c.name }))}
            value={chosenClient}
            onChange={setClient}
          />
        )}
        <Select
          size="xs"
          w={170}
          label="Kind"
          placeholder="Everything"
          clearable
          data={kinds.map(([value, label]) => ({ value, label }))}
          value={kind}
          onChange={setKind}
        />
        {firmSide && (
          <Select
            size="xs"
            w={190}
            label="Person"
            placeholder="Anyone"
            clearable
            searchable
            data={(people.data?.users ?? []).map((u) => ({ value: u.id, label: u.name || u.email }))}
            value={person}
            onChange={setPerson}
          />
        )}
        <TextInput
          size="xs"
          type="date"
          label="From"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          size="xs"
          type="date"
          label="To"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Checkbox
          label="Unread only"
          checked={unread}
          onChange={(e) => setUnread(e.currentTarget.checked)}
          mb={6}
        />
      </Group>
      <ProblemAlert error={feed.error ?? seen.error} />
      {feed.isPending ? (
        <Text c="dimmed">Loading…</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed">
          {unread ? "Nothing new since you last marked the feed read." : "No activity matches."}
        </Text>
      ) : (
        <Stack gap="xs" aria-label="Activity feed">
          {items.map((i) => (
            <Item key={i.id} item={i} />
          ))}
        </Stack>
      )}
      {feed.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={feed.isFetchingNextPage}
            onClick={() => void feed.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
    </>
  );
}
