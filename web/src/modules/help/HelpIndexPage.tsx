// The help center's front page: search, and one card per module guide with its sections.
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconSparkles } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { helpApi } from "../../api/help.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Link } from "../../router/router.tsx";
import { HelpSearchBox } from "./HelpSearchBox.tsx";

export function HelpIndexPage() {
  const query = useQuery({ queryKey: ["help"], queryFn: helpApi.list });
  return (
    <>
      <PageHeader
        title="Help center"
        help="portal"
        subtitle="Guides for every part of Closebook, with answers to common problems."
      />
      <Stack gap="lg">
        <HelpSearchBox autoFocus />
        <QueryState query={query}>
          {(articles) => (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {articles
                  .filter((a) => a.slug !== "whats-new")
                  .map((a) => (
                    <Card
                      key={a.slug}
                      withBorder
                      radius="md"
                      padding="md"
                      component="article"
                      aria-label={a.title}
                    >
                      <Title order={3} fz="md" fw={600} mb={4}>
                        <Anchor component={Link} href={`/help/${a.slug}`} inherit>
                          {a.title}
                        </Anchor>
                      </Title>
                      <Text size="sm" c="dimmed" lineClamp={3} mb="xs">
                        {a.summary}
                      </Text>
                      <Stack gap={2}>
                        {a.sections
                          .filter((s) => s.level === 2)
                          .slice(0, 6)
                          .map((s) => (
                            <Anchor key={s.id} component={Link} href={`/help/${a.slug}#${s.id}`} size="sm">
                              {s.title}
                            </Anchor>
                          ))}
                      </Stack>
                    </Card>
                  ))}
              </SimpleGrid>
              {articles.some((a) => a.slug === "whats-new") && (
                <Group gap={6}>
                  <IconSparkles size={16} />
                  <Anchor component={Link} href="/help/whats-new">
                    What's new in Closebook
                  </Anchor>
                </Group>
              )}
            </>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
