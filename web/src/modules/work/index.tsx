// Work in the portal: My work (every client's tasks, list and board) in the global view, and the
// same page narrowed to one client in the client view; the firm's project templates.
import { IconChecklist } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";

const MyWorkPage = lazyPage(() => import("./MyWorkPage.tsx"), "MyWorkPage");
const TemplatesPage = lazyPage(() => import("./TemplatesPage.tsx"), "TemplatesPage");

export const workModule: PortalModule = {
  id: "work",
  label: "Work",
  help: "work",
  nav: {
    global: [{ label: "My work", href: () => "/work", icon: IconChecklist }],
    client: [{ label: "Tasks", href: (c) => `/c/${c}/work`, icon: IconChecklist }],
  },
  routes: [
    { path: "/work", render: () => <MyWorkPage /> },
    { path: "/work/templates", render: () => <TemplatesPage /> },
    { path: "/c/:client/work", render: (p) => <MyWorkPage key={p.client} client={p.client!} /> },
  ],
};
