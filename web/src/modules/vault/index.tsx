// The Password Manager in the portal: a client's logins, in the client view.
import { IconLock } from "@tabler/icons-react";
import type { PortalModule } from "../registry.ts";
import { sessionCan } from "../../app/session.tsx";
import { lazyPage } from "../../lib/lazy-page.ts";

const VaultPage = lazyPage(() => import("./VaultPage.tsx"), "VaultPage");

export const vaultModule: PortalModule = {
  id: "vault",
  label: "Password Manager",
  help: "password-manager",
  nav: {
    client: [
      {
        label: "Password Manager",
        href: (c) => `/c/${c}/vault`,
        icon: IconLock,
        visible: (s) => sessionCan(s, "vault.read"),
      },
    ],
  },
  routes: [{ path: "/c/:client/vault", render: (p) => <VaultPage key={p.client} client={p.client!} /> }],
};
