// Reconciliation in the portal (client view): the accounts with where their reconciliations stand,
// the reconcile screen of one period, and its report (with CSV and PDF).
import { IconScale } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { ReconciliationsPage } from "./ReconciliationsPage.tsx";
import { ReconcileScreenPage } from "./ReconcileScreenPage.tsx";
import { ReconciliationReportPage } from "./ReconciliationReportPage.tsx";

export const reconcileModule: PortalModule = {
  id: "reconcile",
  label: "Reconciliation",
  help: "reconciliation",
  nav: {
    client: [{ label: "Reconciliation", href: (c) => `/c/${c}/reconcile`, icon: IconScale }],
  },
  routes: [
    {
      path: "/c/:client/reconcile",
      render: (p) => <ReconciliationsPage key={p.client} client={p.client!} />,
    },
    {
      path: "/c/:client/reconcile/:id",
      render: (p) => <ReconcileScreenPage key={`${p.client}/${p.id}`} client={p.client!} id={p.id!} />,
    },
    {
      path: "/c/:client/reconcile/:id/report",
      render: (p) => <ReconciliationReportPage key={`${p.client}/${p.id}`} client={p.client!} id={p.id!} />,
    },
  ],
};
