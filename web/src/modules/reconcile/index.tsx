// Reconciliation in the portal (this file holds only the auto-reconcile helper's pages so far; the
// reconciliation list and screen are registered beside them when merged): Reconciled by Closebook
// and the write-up batch.
import { IconChecks, IconFileStack } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { AutoReconciledPage } from "./AutoReconciledPage.tsx";
import { WriteUpPage } from "./WriteUpPage.tsx";

export const reconcileModule: PortalModule = {
  id: "reconcile",
  label: "Reconciliation",
  help: "reconciliation",
  nav: {
    client: [
      { label: "Reconciled by Closebook", href: (c) => `/c/${c}/reconcile/auto`, icon: IconChecks },
      { label: "Write-up", href: (c) => `/c/${c}/reconcile/write-up`, icon: IconFileStack },
    ],
  },
  routes: [
    {
      path: "/c/:client/reconcile/auto",
      render: (p) => <AutoReconciledPage key={p.client} client={p.client!} />,
    },
    {
      path: "/c/:client/reconcile/write-up",
      render: (p) => <WriteUpPage key={p.client} client={p.client!} />,
    },
  ],
};
