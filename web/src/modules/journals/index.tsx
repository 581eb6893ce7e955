// JE Automation in the portal: the month-end batch, recurring entries and schedules, a schedule's
// table, and payroll journal entries (PayrollPage).
import { IconRepeat } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { sessionCan } from "../../app/session.tsx";
import { lazyPage } from "../../lib/lazy-page.ts";

const JournalsPage = lazyPage(() => import("./JournalsPage.tsx"), "JournalsPage");
const PayrollPage = lazyPage(() => import("./PayrollPage.tsx"), "PayrollPage");
const ScheduleTablePage = lazyPage(() => import("./ScheduleTablePage.tsx"), "ScheduleTablePage");

export const journalsModule: PortalModule = {
  id: "journals",
  label: "JE Automation",
  help: "je-automation",
  nav: {
    client: [
      {
        label: "JE Automation",
        href: (c) => `/c/${c}/journals`,
        icon: IconRepeat,
        // The firm's work: client users see the posted entries in the ledger only.
        visible: (s) => sessionCan(s, "journals.view"),
      },
    ],
  },
  routes: [
    { path: "/c/:client/journals", render: (p) => <JournalsPage key={p.client} client={p.client!} /> },
    {
      path: "/c/:client/journals/payroll",
      render: (p) => <PayrollPage key={p.client} client={p.client!} />,
    },
    {
      path: "/c/:client/journals/schedules/:id",
      render: (p) => <ScheduleTablePage key={p.id} client={p.client!} id={p.id!} />,
    },
  ],
};
