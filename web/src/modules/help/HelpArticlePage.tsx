// One help guide: its table of contents beside the rendered article. Links between guides stay
// inside the portal, and "#section" opens scrolled to that section.
import { useEffect, useRef, type MouseEvent } from "react";
import { Anchor, Box, Grid, Stack, Text, Typography } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { helpApi } from "../../api/help.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Link, navigate, useLocation } from "../../router/router.tsx";
import { HelpSearchBox } from "./HelpSearchBox.tsx";

export function HelpArticlePage({ slug }: { slug: string }) {
  const query = useQuery({ queryKey: ["help", slug], queryFn: () => helpApi.article(slug) });
  const { hash } = useLocation();
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!query.data || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: "start" });
  }, [query.data, hash]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const a = (event.target as HTMLElement).closest("a");
    const href = a?.getAttribute("href");
    if (!a || !href || a.target || event.metaKey || event.ctrlKey) return;
    if (href.startsWith("/") || href.startsWith("#")) {
      event.preventDefault();
      navigate(href.startsWith("#") ? `/help/${slug}${href}` : href);
    }
  };

  return (
    <QueryState query={query}>
      {(a) => (
        <>
          <PageHeader
            title={a.title}
            subtitle={
              <Anchor component={Link} href="/help" size="sm">
                ← Help center
              </Anchor>
            }
          />
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Box ref={body} onClick={onClick} maw={760}>
                <Typography>
                  <div className="help-article" dangerouslySetInnerHTML={{ __html: a.html }} />
                </Typography>
              </Box>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="md" pos="sticky" top={80}>
                <HelpSearchBox />
                <nav aria-label="On this page">
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={6}>
                    On this page
                  </Text>
                  <Stack gap={4}>
                    {a.sections.map((s) => (
                      <Anchor
                        key={s.id}
                        component={Link}
                        href={`/help/${a.slug}#${s.id}`}
                        size="sm"
                        pl={s.level === 3 ? "md" : 0}
                        c={s.level === 3 ? "dimmed" : undefined}
                      >
                        {s.title}
                      </Anchor>
                    ))}
                  </Stack>
                </nav>
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </QueryState>
  );
}
