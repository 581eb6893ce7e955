// The help center's place in the portal: its pages under /help, in both views' navigation.
import { IconHelp, IconSparkles } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { lazyPage } from "../../lib/lazy-page.ts";

const HelpIndexPage = lazyPage(() => import("./HelpIndexPage.tsx"), "HelpIndexPage");
const HelpArticlePage = lazyPage(() => import("./HelpArticlePage.tsx"), "HelpArticlePage");
const HelpSearchPage = lazyPage(() => import("./HelpSearchPage.tsx"), "HelpSearchPage");

const items = [
  { label: "Help center", href: () => "/help", icon: IconHelp },
  { label: "What's new", href: () => "/help/whats-new", icon: IconSparkles },
];

export const helpModule: PortalModule = {
  id: "help",
  label: "Help",
  help: "portal",
  nav: { global: items, client: items },
  routes: [
    { path: "/help", render: () => <HelpIndexPage /> },
    { path: "/help/search", render: () => <HelpSearchPage /> },
    { path: "/help/:slug", render: (p) => <HelpArticlePage key={p.slug} slug={p.slug!} /> },
  ],
};
