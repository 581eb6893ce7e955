// The Activity Hub in the portal: the firm's feed in the global view, one client's in the client view,
// and the unread count next to its navigation item.
import { IconActivity } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";
import { ClientUserUnreadBadge, UnreadBadge } from "./UnreadBadge.tsx";

const ActivityPage = lazyPage(() => import("./ActivityPage.tsx"), "ActivityPage");

export const activityModule: PortalModule = {
  id: "activity",
  label: "Activity",
  help: "activity-hub",
  nav: {
    global: [{ label: "Activity", href: () => "/activity", icon: IconActivity, badge: UnreadBadge }],
    client: [
      {
        label: "Activity",
        href: (c) => `/c/${c}/activity`,
        icon: IconActivity,
        badge: ClientUserUnreadBadge,
      },
    ],
  },
  routes: [
    { path: "/activity", render: () => <ActivityPage /> },
    { path: "/c/:client/activity", render: (p) => <ActivityPage key={p.client} client={p.client!} /> },
  ],
};
