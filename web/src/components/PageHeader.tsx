// The title row of every page: the title, the "?" that opens this page's help, and the page's
// actions on the right. Also names the browser tab after the page.
import { useEffect, type ReactNode } from "react";
import { ActionIcon, Group, Text, Title, Tooltip } from "@mantine/core";
import { IconHelpCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "../router/router.tsx";
import { helpApi } from "../api/help.ts";

export function PageHeader({
  title,
  help,
  subtitle,
  actions,
}: {
  title: string;
  help?: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · Closebook`;
  }, [title]);
  // The "?" points at the first of the named guides ("a|b#section") that this version ships,
  // and shows only when there is one.
  const guides = useQuery({
    queryKey: ["help"],
    queryFn: helpApi.list,
    staleTime: Infinity,
    enabled: Boolean(help),
  });
  const [slugs = "", section] = (help ?? "").split("#");
  const slug = slugs.split("|").find((s) => guides.data?.some((g) => g.slug === s));
  const hasGuide = Boolean(slug);
  const target = `${slug}${section ? `#${section}` : ""}`;
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
      <div>
        <Group gap={6} align="center" wrap="nowrap">
          <Title order={2} fz={22} fw={600}>
            {title}
          </Title>
          {help && hasGuide && (
            <Tooltip label="Help for this page" withArrow>
              <ActionIcon
                component={Link}
                href={`/help/${target}`}
                variant="subtle"
                color="gray"
                size="md"
                aria-label={`Help: ${title}`}
              >
                <IconHelpCircle size={18} stroke={1.6} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        {subtitle && (
          <Text c="dimmed" size="sm" mt={2}>
            {subtitle}
          </Text>
        )}
      </div>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
