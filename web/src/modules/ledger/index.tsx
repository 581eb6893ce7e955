// The ledger's place in the portal: its pages under /c/:client/ledger and its navigation items.
import { IconBook2, IconListDetails, IconLock, IconReportMoney, IconScale } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";

const AccountsPage = lazyPage(() => import("./AccountsPage.tsx"), "AccountsPage");
const EntriesPage = lazyPage(() => import("./EntriesPage.tsx"), "EntriesPage");
const EntryPage = lazyPage(() => import("./EntryPage.tsx"), "EntryPage");
const NewEntryPage = lazyPage(() => import("./NewEntryPage.tsx"), "NewEntryPage");
const EditDraftPage = lazyPage(() => import("./EditDraftPage.tsx"), "EditDraftPage");
const TrialBalancePage = lazyPage(() => import("./TrialBalancePage.tsx"), "TrialBalancePage");
const GeneralLedgerPage = lazyPage(() => import("./GeneralLedgerPage.tsx"), "GeneralLedgerPage");
const PeriodsPage = lazyPage(() => import("./PeriodsPage.tsx"), "PeriodsPage");

const at = (path: string) => (client: string | null) => `/c/${client}/ledger/${path}`;

export const ledgerModule: PortalModule = {
  id: "ledger",
  label: "Ledger",
  help: "ledger",
  nav: {
    client: [
      { label: "Chart of accounts", href: at("accounts"), icon: IconBook2 },
      { label: "Journal entries", href: at("entries"), icon: IconListDetails },
      { label: "Trial balance", href: at("trial-balance"), icon: IconScale },
      { label: "General ledger", href: at("general-ledger"), icon: IconReportMoney },
      { label: "Period locks", href: at("periods"), icon: IconLock },
    ],
  },
  routes: [
    { path: "/c/:client/ledger/accounts", render: (p) => <AccountsPage client={p.client!} /> },
    { path: "/c/:client/ledger/entries", render: (p) => <EntriesPage client={p.client!} /> },
    { path: "/c/:client/ledger/entries/new", render: (p) => <NewEntryPage client={p.client!} /> },
    {
      path: "/c/:client/ledger/entries/:id",
      render: (p) => <EntryPage key={p.id} client={p.client!} id={p.id!} />,
    },
    {
      path: "/c/:client/ledger/entries/:id/edit",
      render: (p) => <EditDraftPage client={p.client!} id={p.id!} />,
    },
    { path: "/c/:client/ledger/trial-balance", render: (p) => <TrialBalancePage client={p.client!} /> },
    { path: "/c/:client/ledger/general-ledger", render: (p) => <GeneralLedgerPage client={p.client!} /> },
    { path: "/c/:client/ledger/periods", render: (p) => <PeriodsPage client={p.client!} /> },
  ],
};
