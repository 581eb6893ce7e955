// The firm overview's table: one row per client, each figure a link to the page that shows it
// (filtered), every column sortable by its header.
import { Anchor, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { Overview, OverviewClient } from "../../api/overview.ts";
import { Link } from "../../router/router.tsx";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { daysBetween, overviewLinks as to, type Direction, type SortKey } from "./overview-model.ts";

const TROUBLE: Record<OverviewClient["bankAccounts"]["connections"][number]["trouble"], string> = {
  disconnected: "disconnected",
  requested: "requested, not set up",
  setting_up: "setting up for days",
};

export function OverviewTable({
  overview,
  rows,
  sort,
  onSort,
}: {
  overview: Overview;
  rows: OverviewClient[];
  sort: { key: SortKey; direction: Direction };
  onSort: (key: SortKey) => void;
}) {
  const th = (key: SortKey, label: string, align?: "right") => (
    <Table.Th
      ta={align}
      aria-sort={sort.key === key ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
    >
      <UnstyledButton onClick={() => onSort(key)} fz="sm" fw={600} aria-label={`Sort by ${label}`}>
        {label}{" "}
        {sort.key !== key ? (
          <IconSelector size={12} />
        ) : sort.direction === "asc" ? (
          <IconArrowUp size={12} />
        ) : (
          <IconArrowDown size={12} />
        )}
      </UnstyledButton>
    </Table.Th>
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" fz="sm" highlightOnHover aria-label="Clients overview">
        <Table.Thead>
          <Table.Tr>
            {th("name", "Client")}
            {th("needsReview", "Needs review", "right")}
            {th("oldest", "Oldest waiting")}
            {th("autoPosted", "Posted automatically", "right")}
            {th("bankFeeds", "Bank feeds")}
            {th("lastImport", "Last import")}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id} aria-label={c.name} data-client={c.slug}>
              <Table.Td>
                <Anchor component={Link} href={to.client(c.slug)} fw={600}>
                  {c.name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right" data-figure="needs-review">
                <Figure href={to.needsReview(c.slug)} label={`${c.name}: lines waiting for review`}>
                  {c.needsReview.count}
                </Figure>
              </Table.Td>
              <Table.Td data-figure="oldest">
                {c.needsReview.oldestDate ? (
                  <Anchor component={Link} href={to.oldest(c.slug, c.needsReview.oldestDate)} size="sm">
                    {formatDate(c.needsReview.oldestDate)}
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({daysBetween(c.needsReview.oldestDate, overview.asOf)} days)
                    </Text>
                  </Anchor>
                ) : (
                  <Text span size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" data-figure="auto-posted">
                <Figure
                  href={to.autoPosted(c.slug, overview.month)}
                  label={`${c.name}: lines posted automatically this month`}
                >
                  {c.autoPosted.count}
                </Figure>
              </Table.Td>
              <Table.Td data-figure="bank-feeds">
                <BankFeeds c={c} />
              </Table.Td>
              <Table.Td data-figure="last-import">
                {c.lastImport ? (
                  <Anchor
                    component={Link}
                    href={to.bankAccount(c.slug, c.lastImport.bankAccountId)}
                    size="sm"
                  >
                    {formatDateTime(c.lastImport.at)}
                    <Text span size="xs" c="dimmed" display="block">
                      {c.lastImport.bankAccountName} · {c.lastImport.newLines} new
                    </Text>
                  </Anchor>
                ) : (
                  <Text span size="sm" c="dimmed">
                    Never
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Figure({ href, label, children }: { href: string; label: string; children: ReactNode }) {
  return (
    <Anchor component={Link} href={href} aria-label={label} fw={600}>
      {children}
    </Anchor>
  );
}

function BankFeeds({ c }: { c: OverviewClient }) {
  const { total, quiet, connections } = c.bankAccounts;
  const issues = quiet.length + connections.length;
  return (
    <Stack gap={2}>
      <Anchor component={Link} href={to.banking(c.slug)} size="sm" c={issues ? "orange.8" : undefined}>
        {total === 0
          ? "No bank accounts"
          : issues === 0
            ? `${total} active, all fine`
            : `${issues} need${issues === 1 ? "s" : ""} attention`}
      </Anchor>
      {quiet.map((a) => (
        <Anchor key={a.id} component={Link} href={to.bankAccount(c.slug, a.id)} size="xs" c="dimmed">
          {a.name}: {a.lastLineDate ? `no line since ${formatDate(a.lastLineDate)}` : "no line yet"}
        </Anchor>
      ))}
      {connections.map((x) => (
        <Anchor key={x.id} component={Link} href={to.banking(c.slug)} size="xs" c="dimmed">
          {x.institution}: {TROUBLE[x.trouble]}
        </Anchor>
      ))}
    </Stack>
  );
}
