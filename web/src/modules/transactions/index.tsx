// The Transaction Manager's place in the portal: its pages under /c/:client/transactions (the
// manager itself, rules and AI settings) in the client view only, as PRODUCT.md's navigation says.
import { IconAdjustmentsAlt, IconListCheck, IconWand } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";

const TransactionManagerPage = lazyPage(
  () => import("./TransactionManagerPage.tsx"),
  "TransactionManagerPage",
);
const RulesPage = lazyPage(() => import("./RulesPage.tsx"), "RulesPage");
const AiSettingsPage = lazyPage(() => import("./AiSettingsPage.tsx"), "AiSettingsPage");

const at = (path: string) => (client: string | null) => `/c/${client}/transactions${path}`;

export const transactionsModule: PortalModule = {
  id: "transactions",
  label: "Transactions",
  help: "transactions",
  nav: {
    client: [
      { label: "Transaction Manager", href: at(""), icon: IconListCheck },
      { label: "Rules", href: at("/rules"), icon: IconWand },
      { label: "AI settings", href: at("/ai-settings"), icon: IconAdjustmentsAlt },
    ],
  },
  routes: [
    {
      path: "/c/:client/transactions",
      render: (p) => <TransactionManagerPage key={p.client} client={p.client!} />,
    },
    { path: "/c/:client/transactions/rules", render: (p) => <RulesPage key={p.client} client={p.client!} /> },
    {
      path: "/c/:client/transactions/ai-settings",
      render: (p) => <AiSettingsPage key={p.client} client={p.client!} />,
    },
  ],
};
