// The home pages: the global overview ("/") and a client's overview ("/c/:client").
import { IconHome, IconLayoutDashboard } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";

const GlobalHomePage = lazyPage(() => import("./GlobalHomePage.tsx"), "GlobalHomePage");
const ClientHomePage = lazyPage(() => import("./ClientHomePage.tsx"), "ClientHomePage");

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
