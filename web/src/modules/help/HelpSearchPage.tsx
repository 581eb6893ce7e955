// Help search results, best match first, each opening the guide at the matching section.
import { Anchor, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { helpApi } from "../../api/help.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Link, useLocation } from "../../router/router.tsx";
import { HelpSearchBox } from "./HelpSearchBox.tsx";

export function HelpSearchPage() {
  const q = useLocation().search.get("q") ?? "";
  const query = useQuery({ queryKey: ["help-search", q], queryFn: () => helpApi.search(q) });
  return (
    <>
      <PageHeader
        title="Search help"
        help="portal"
        subtitle={
          <Anchor component={Link} href="/help" size="sm">
            ← Help center
          </Anchor>
        }
      />
      <Stack gap="md">
        <HelpSearchBox key={q} initial={q} />
        <QueryState
          query={query}
          isEmpty={(r) => r.length === 0}
          empty={`Nothing in the help center matches “${q}”. Try fewer or other words.`}
        >
          {(results) => (
            <Stack
              gap="sm"
              component="ol"
              aria-label="Search results"
              style={{ listStyle: "none", padding: 0, margin: 0 }}
            >
              {results.map((r) => (
                <Paper component="li" withBorder radius="md" p="sm" key={`${r.slug}#${r.sectionId}`}>
                  <Anchor
                    component={Link}
                    href={`/help/${r.slug}${r.sectionId ? `#${r.sectionId}` : ""}`}
                    fw={600}
                  >
                    {r.sectionTitle ?? r.articleTitle}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {r.articleTitle}
                  </Text>
                  <Text size="sm" mt={4}>
                    {r.snippet}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
