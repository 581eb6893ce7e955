// Bank data in the portal: Smart Connect (institutions, balances, connections), the statement import
// wizard and each bank account's raw lines, in the client view.
import { IconFileImport, IconPlugConnected } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";

const SmartConnectPage = lazyPage(() => import("./SmartConnectPage.tsx"), "SmartConnectPage");
const ImportWizard = lazyPage(() => import("./ImportWizard.tsx"), "ImportWizard");
const BankLinesPage = lazyPage(() => import("./BankLinesPage.tsx"), "BankLinesPage");

export const bankingModule: PortalModule = {
  id: "banking",
  label: "Banking",
  help: "banking",
  nav: {
    client: [
      { label: "Smart Connect", href: (c) => `/c/${c}/banking`, icon: IconPlugConnected },
      { label: "Import statement", href: (c) => `/c/${c}/banking/import`, icon: IconFileImport },
    ],
  },
  routes: [
    { path: "/c/:client/banking", render: (p) => <SmartConnectPage key={p.client} client={p.client!} /> },
    { path: "/c/:client/banking/import", render: (p) => <ImportWizard key={p.client} client={p.client!} /> },
    {
      path: "/c/:client/banking/accounts/:account",
      render: (p) => (
        <BankLinesPage key={`${p.client}/${p.account}`} client={p.client!} account={p.account!} />
      ),
    },
  ],
};
