// The frame of the sign-in pages: a centred card under the firm's (or Closebook's) name.
import { useEffect, type ReactNode } from "react";
import { Center, Image, Paper, Stack, Text, Title } from "@mantine/core";

export function AuthLayout({
  title,
  brand,
  children,
}: {
  title: string;
  brand?: { name: string; logo: string | null };
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · ${brand?.name ?? "Closebook"}`;
  }, [title, brand?.name]);
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" p="md">
      <Stack w={420} gap="md">
        <Stack align="center" gap={6}>
          <Image
            src={brand?.logo ?? "/favicon.svg"}
            alt={brand?.logo ? `${brand.name} logo` : "Closebook"}
            h={40}
            w="auto"
            fit="contain"
          />
          <Text fw={650} size="lg">
            {brand?.name ?? "Closebook"}
          </Text>
        </Stack>
        <Paper withBorder radius="md" p="xl" shadow="xs">
          <Title order={1} fz={20} fw={600} mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
