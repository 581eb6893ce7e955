// The loading, error and empty states every data page shares, so each page only renders data.
import type { ReactNode } from "react";
import { Center, Loader, Stack, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { ProblemAlert } from "./ProblemAlert.tsx";

export function QueryState<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: UseQueryResult<T>;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  if (query.isError) return <ProblemAlert error={query.error} title="Could not load this page" />;
  if (empty && isEmpty?.(query.data)) {
    return (
      <Stack align="center" py="xl" gap={4}>
        <Text c="dimmed">{empty}</Text>
      </Stack>
    );
  }
  return <>{children(query.data)}</>;
}
