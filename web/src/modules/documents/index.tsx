// Documents in the portal: each client's folders and files, in the client view.
import { IconFolders } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { DocumentsPage } from "./DocumentsPage.tsx";

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
