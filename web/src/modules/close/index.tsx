// The Close Tracker in the portal: the board of clients × months (firm view) and a client's month
// page (blockers with their links, timeline, close and reopen).
import { IconCalendarCheck } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { sessionCan } from "../../app/session.tsx";
import { lazyPage } from "../../lib/lazy-page.ts";

const CloseBoardPage = lazyPage(() => import("./CloseBoardPage.tsx"), "CloseBoardPage");
const CloseMonthPage = lazyPage(() => import("./CloseMonthPage.tsx"), "CloseMonthPage");

export const closeModule: PortalModule = {
  id: "close",
  label: "Close",
  help: "close-tracker",
  nav: {
    global: [
      {
        label: "Close Tracker",
        href: () => "/close",
        icon: IconCalendarCheck,
        visible: (s) => sessionCan(s, "close.view"),
      },
    ],
  },
  routes: [
    { path: "/close", render: () => <CloseBoardPage /> },
    {
      path: "/c/:client/close/:month",
      render: (p) => <CloseMonthPage key={`${p.client}/${p.month}`} client={p.client!} month={p.month!} />,
    },
  ],
};
