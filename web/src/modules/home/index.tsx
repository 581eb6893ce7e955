// The home pages: the global overview ("/") and a client's overview ("/c/:client").
import { IconHome, IconLayoutDashboard } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { GlobalHomePage } from "./GlobalHomePage.tsx";
import { ClientHomePage } from "./ClientHomePage.tsx";

export const homeModule: PortalModule = {
  id: "home",
  label: "Overview",
  help: "portal",
  nav: {
    global: [{ label: "Overview", href: () => "/", icon: IconHome }],
    client: [{ label: "Client overview", href: (c) => `/c/${c}`, icon: IconLayoutDashboard }],
  },
  routes: [
    { path: "/", render: () => <GlobalHomePage /> },
    { path: "/c/:client", render: (p) => <ClientHomePage client={p.client!} /> },
  ],
};
