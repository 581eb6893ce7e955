// What a module adds to the portal: its pages (routes) and its entries in the left navigation.
// The shell is built from the list in modules/index.ts, so a new module appends itself there.
import type { ReactNode, ComponentType } from "react";
import type { Params } from "../router/router.tsx";
import type { Session } from "../api/identity.ts";

export type View = "global" | "client";

export interface NavItem {
  label: string;
  /** Where the item goes; in the client view it receives the current client's slug. */
  href: (client: string | null) => string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Shown only to those this returns true for (default: everyone). */
  visible?: (session: Session) => boolean;
  /** A count at the item's right (unread items); the component renders nothing when there is none. */
  badge?: ComponentType;
}

export interface RouteDef {
  /** "/clients", "/c/:client/ledger/entries/:id" (client-view paths start with /c/:client). */
  path: string;
  render: (params: Params) => ReactNode;
}

export interface QuickAction {
  label: string;
  href: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  visible?: (session: Session) => boolean;
}

export interface PortalModule {
  id: string;
  /** The navigation section title. */
  label: string;
  /** The help guide for this module (docs/help/<help>.md). */
  help: string;
  /** Navigation per view: a module may appear in one view, the other, or both. */
  nav: Partial<Record<View, NavItem[]>>;
  routes: RouteDef[];
  /** Entries of the header's "+" menu. */
  quickActions?: QuickAction[];
}
