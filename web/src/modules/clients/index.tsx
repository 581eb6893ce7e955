// Client & User Management in the portal: clients, the add-client wizard, users, firm branding
// and the outbox, in the global view; quick actions to add a client and invite a user.
import {
  IconBuildingStore,
  IconMail,
  IconPalette,
  IconUserPlus,
  IconUsers,
  IconPlus,
} from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { sessionCan, isClientSide } from "../../app/session.tsx";
import { lazyPage } from "../../lib/lazy-page.ts";

const ClientsPage = lazyPage(() => import("./ClientsPage.tsx"), "ClientsPage");
const AddClientWizard = lazyPage(() => import("./AddClientWizard.tsx"), "AddClientWizard");
const ClientDetailsPage = lazyPage(() => import("./ClientDetailsPage.tsx"), "ClientDetailsPage");
const UsersPage = lazyPage(() => import("./UsersPage.tsx"), "UsersPage");
const BrandingPage = lazyPage(() => import("./BrandingPage.tsx"), "BrandingPage");
const OutboxPage = lazyPage(() => import("./OutboxPage.tsx"), "OutboxPage");

export const clientsModule: PortalModule = {
  id: "clients",
  label: "Clients & Users",
  help: "clients-and-users",
  nav: {
    global: [
      { label: "Clients", href: () => "/clients", icon: IconBuildingStore, visible: (s) => !isClientSide(s) },
      {
        label: "Users",
        href: () => "/users",
        icon: IconUsers,
        visible: (s) => s.mode === "user" && (sessionCan(s, "user.invite") || sessionCan(s, "user.edit")),
      },
      {
        label: "Firm branding",
        href: () => "/firm/branding",
        icon: IconPalette,
        visible: (s) => s.mode === "user" && !isClientSide(s),
      },
      {
        label: "Outbox",
        href: () => "/outbox",
        icon: IconMail,
        visible: (s) => s.mode === "user" && sessionCan(s, "firm.outbox"),
      },
    ],
    client: [
      {
        label: "Users",
        href: () => "/users",
        icon: IconUsers,
        visible: (s) => s.mode === "user" && isClientSide(s) && sessionCan(s, "user.invite"),
      },
    ],
  },
  quickActions: [
    {
      label: "Add client",
      href: "/clients/new",
      icon: IconPlus,
      visible: (s) => sessionCan(s, "client.create"),
    },
    {
      label: "Invite user",
      href: "/users?invite=1",
      icon: IconUserPlus,
      visible: (s) => s.mode === "user" && sessionCan(s, "user.invite"),
    },
  ],
  routes: [
    { path: "/clients", render: () => <ClientsPage /> },
    { path: "/clients/new", render: () => <AddClientWizard /> },
    { path: "/clients/:client", render: (p) => <ClientDetailsPage key={p.client} client={p.client!} /> },
    { path: "/users", render: () => <UsersPage /> },
    { path: "/firm/branding", render: () => <BrandingPage /> },
    { path: "/outbox", render: () => <OutboxPage /> },
  ],
};
