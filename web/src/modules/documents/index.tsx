// Documents in the portal: each client's folders and files, in the client view.
import { IconFolders } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";

const DocumentsPage = lazyPage(() => import("./DocumentsPage.tsx"), "DocumentsPage");

export const documentsModule: PortalModule = {
  id: "documents",
  label: "Documents",
  help: "documents",
  nav: {
    client: [{ label: "Documents", href: (c) => `/c/${c}/documents`, icon: IconFolders }],
  },
  routes: [
    { path: "/c/:client/documents", render: (p) => <DocumentsPage key={p.client} client={p.client!} /> },
  ],
};
