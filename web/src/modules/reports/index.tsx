// Reports in the portal: the statements page and the monthly report package, in the client view.
import { IconChartBar, IconPackage } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";

const ReportsPage = lazyPage(() => import("./ReportsPage.tsx"), "ReportsPage");
const ReportPackagePage = lazyPage(() => import("./ReportPackagePage.tsx"), "ReportPackagePage");

export const reportsModule: PortalModule = {
  id: "reports",
  label: "Reports",
  help: "reports",
  nav: {
    client: [
      { label: "Financial statements", href: (c) => `/c/${c}/reports`, icon: IconChartBar },
      { label: "Report package", href: (c) => `/c/${c}/reports/package`, icon: IconPackage },
    ],
  },
  routes: [
    { path: "/c/:client/reports", render: (p) => <ReportsPage key={p.client} client={p.client!} /> },
    {
      path: "/c/:client/reports/package",
      render: (p) => <ReportPackagePage key={p.client} client={p.client!} />,
    },
  ],
};
