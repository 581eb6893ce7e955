// Reconciliation in the portal (client view): the accounts with where their reconciliations stand,
// the reconcile screen of one period, its report (with CSV and PDF), Reconciled by Closebook (with
// undo) and the write-up batch of a year of statements.
import { IconChecks, IconFileStack, IconScale } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";

const ReconciliationsPage = lazyPage(() => import("./ReconciliationsPage.tsx"), "ReconciliationsPage");
const ReconcileScreenPage = lazyPage(() => import("./ReconcileScreenPage.tsx"), "ReconcileScreenPage");
const ReconciliationReportPage = lazyPage(
  () => import("./ReconciliationReportPage.tsx"),
  "ReconciliationReportPage",
);
const AutoReconciledPage = lazyPage(() => import("./AutoReconciledPage.tsx"), "AutoReconciledPage");
const WriteUpPage = lazyPage(() => import("./WriteUpPage.tsx"), "WriteUpPage");

export const reconcileModule: PortalModule = {
  id: "reconcile",
  label: "Reconciliation",
  help: "reconciliation",
  nav: {
    client: [
      { label: "Reconciliation", href: (c) => `/c/${c}/reconcile`, icon: IconScale },
      { label: "Reconciled by Closebook", href: (c) => `/c/${c}/reconcile/auto`, icon: IconChecks },
      { label: "Write-up", href: (c) => `/c/${c}/reconcile/write-up`, icon: IconFileStack },
    ],
  },
  routes: [
    {
      path: "/c/:client/reconcile",
      render: (p) => <ReconciliationsPage key={p.client} client={p.client!} />,
    },
    // Before the :id routes, so "auto" and "write-up" are not read as a reconciliation's id.
    {
      path: "/c/:client/reconcile/auto",
      render: (p) => <AutoReconciledPage key={p.client} client={p.client!} />,
    },
    {
      path: "/c/:client/reconcile/write-up",
      render: (p) => <WriteUpPage key={p.client} client={p.client!} />,
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
