// The Activity Hub's unread count next to "Activity" in the navigation: events since the reader's
// read marker, not their own, that they may see (GET /api/activity/unread, capped at "99+").
// Opening the hub moves the marker (ActivityPage), which clears it.
import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { activityApi } from "../../api/activity.ts";
import { isClientSide, useSession } from "../../app/session.tsx";

export const UNREAD_KEY = ["activity", "unread"] as const;

export function UnreadBadge() {
  const session = useSession();
  const count = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: activityApi.unread,
    enabled: session.mode === "user",
    refetchInterval: 60_000,
  });
  const n = count.data?.unread ?? 0;
  if (n === 0) return null;
  const shown = count.data?.capped ? "99+" : String(n);
  return (
    <Badge size="sm" color="red" variant="filled" circle={shown.length === 1} aria-label={`${shown} unread`}>
      {shown}
    </Badge>
  );
}

/**
 * In the client view the count is the reader's whole feed, so it is shown there only to client
 * users (whose feed is their client's); a firm user sees it on the global view's item.
 */
export function ClientUserUnreadBadge() {
  const session = useSession();
  return isClientSide(session) ? <UnreadBadge /> : null;
}
