// Receipts in the portal: Receipts to match (read fields, suggested transactions, upload), in the client view.
import { IconReceipt } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";

const ReceiptsPage = lazyPage(() => import("./ReceiptsPage.tsx"), "ReceiptsPage");

export const receiptsModule: PortalModule = {
  id: "receipts",
  label: "Receipts",
  help: "receipts",
  nav: {
    client: [{ label: "Receipts to match", href: (c) => `/c/${c}/receipts`, icon: IconReceipt }],
  },
  routes: [
    { path: "/c/:client/receipts", render: (p) => <ReceiptsPage key={p.client} client={p.client!} /> },
  ],
};
