// Personal pages (profile and security, notification settings), reached from the profile menu.
import type { PortalModule } from "../modules/registry.ts";
import { lazyPage } from "../lib/lazy-page.ts";

const ProfilePage = lazyPage(() => import("./ProfilePage.tsx"), "ProfilePage");
const NotificationSettingsPage = lazyPage(
  () => import("./NotificationSettingsPage.tsx"),
  "NotificationSettingsPage",
);

export const settingsModule: PortalModule = {
  id: "settings",
  label: "Settings",
  help: "portal",
  nav: {},
  routes: [
    { path: "/settings/profile", render: () => <ProfilePage /> },
    { path: "/settings/notifications", render: () => <NotificationSettingsPage /> },
  ],
};
