// The global view's home, the firm overview: for every client you may reach, the lines waiting for
// review (and since when), what AutoPush posted this month, bank feeds needing attention and the
// last import, in one sortable table whose figures lead to the filtered pages.
import { useState } from "react";
import { Group, Paper, Text, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { overviewApi } from "../../api/overview.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useSession } from "../../app/session.tsx";
import { formatDate } from "../../lib/dates.ts";
import { OverviewTable } from "./OverviewTable.tsx";
import { bankIssues, FIRST_DIRECTION, sortClients, type Direction, type SortKey } from "./overview-model.ts";

export function GlobalHomePage() {
  const { me } = useSession();
  const overview = useQuery({ queryKey: ["overview"], queryFn: overviewApi.get });
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: "needsReview",
    direction: "desc",
  });
  const [find, setFind] = useState("");
  const onSort = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === "asc" ? "desc" : "asc" }
        : { key, direction: FIRST_DIRECTION[key] },
    );
  return (
    <>
      <PageHeader
        title="Overview"
        help="portal#the-firm-overview"
        subtitle={`All clients of ${me.firm.name}`}
      />
      <QueryState query={overview} isEmpty={(d) => d.clients.length === 0} empty="No clients yet.">
        {(o) => {
          const needle = find.trim().toLocaleLowerCase();
          const shown = o.clients.filter((c) => !needle || c.name.toLocaleLowerCase().includes(needle));
          const sum = (f: (c: (typeof o.clients)[number]) => number) =>
            o.clients.reduce((n, c) => n + f(c), 0);
          return (
            <>
              <Group gap="xl" mb="md" align="flex-end">
                <Stat label="Clients" value={o.clients.length} />
                <Stat label="Waiting for review" value={sum((c) => c.needsReview.count)} />
                <Stat
                  label={`Posted automatically since ${formatDate(o.month.from)}`}
                  value={sum((c) => c.autoPosted.count)}
                />
                <Stat label="Bank feeds needing attention" value={sum(bankIssues)} />
                <TextInput
                  ml="auto"
                  size="xs"
                  w={220}
                  aria-label="Find a client"
                  placeholder="Find a client"
                  leftSection={<IconSearch size={14} />}
                  value={find}
                  onChange={(e) => setFind(e.currentTarget.value)}
                />
              </Group>
              <Paper withBorder radius="md">
                <OverviewTable
                  overview={o}
                  rows={sortClients(shown, sort.key, sort.direction)}
                  sort={sort}
                  onSort={onSort}
                />
              </Paper>
              <Text size="xs" c="dimmed" mt="xs">
                A bank account needs attention after {o.staleDays} days without a new line; a connection when
                it is disconnected, or requested or setting up for days. Figures as of {formatDate(o.asOf)}.
              </Text>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={600} lh={1.2}>
        {value}
      </Text>
    </div>
  );
}
