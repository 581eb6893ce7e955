// Service procedures in the portal: the firm's service catalogue (global view) and a client's
// services, switched on and off (client view). The month's checklist shows on the Close Tracker's
// month page (modules/close/MonthChecklist.tsx).
import { IconListCheck } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { isClientSide, sessionCan } from "../../app/session.tsx";
import { lazyPage } from "../../lib/lazy-page.ts";

const ServiceCataloguePage = lazyPage(() => import("./ServiceCataloguePage.tsx"), "ServiceCataloguePage");
const ClientServicesPage = lazyPage(() => import("./ClientServicesPage.tsx"), "ClientServicesPage");

export const servicesModule: PortalModule = {
  id: "services",
  label: "Services",
  help: "services",
  nav: {
    global: [
      {
        label: "Service catalogue",
        href: () => "/firm/services",
        icon: IconListCheck,
        visible: (s) => sessionCan(s, "services.view") && !isClientSide(s),
      },
    ],
    client: [
      {
        label: "Services",
        href: (client) => `/c/${client}/services`,
        icon: IconListCheck,
        visible: (s) => sessionCan(s, "services.view"),
      },
    ],
  },
  routes: [
    { path: "/firm/services", render: () => <ServiceCataloguePage /> },
    { path: "/c/:client/services", render: (p) => <ClientServicesPage key={p.client} client={p.client!} /> },
  ],
};
