// A status as a small coloured badge (entry, client, user, period and job states).
import { Badge } from "@mantine/core";

const COLORS: Record<string, string> = {
  posted: "teal",
  draft: "gray",
  reversed: "orange",
  active: "teal",
  onboarding: "blue",
  invited: "blue",
  terminated: "red",
  terminating: "orange",
  deactivated: "gray",
  locked: "red",
  soft_closed: "yellow",
  open: "teal",
  sent: "teal",
  queued: "blue",
  failed: "red",
  // Jobs (report packages).
  running: "blue",
  done: "teal",
  ready: "teal",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={COLORS[status] ?? "gray"} variant="light" radius="sm" size="sm" tt="none">
      {status.charAt(0).toUpperCase() + status.slice(1).replace(/[-_]/g, " ")}
    </Badge>
  );
}
